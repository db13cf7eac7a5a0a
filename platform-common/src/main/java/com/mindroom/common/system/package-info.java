/**
 * Auto-configuration that gives every service the shared domain beans.
 */
package com.mindroom.common.system;
