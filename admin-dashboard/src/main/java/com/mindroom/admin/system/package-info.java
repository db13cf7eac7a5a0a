/**
 * Cross-cutting configuration of the Admin Dashboard service.
 */
package com.mindroom.admin.system;
