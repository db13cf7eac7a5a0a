/**
 * The shared domain of MindRoom Cloud, used by every service.
 */
package com.mindroom.common;
