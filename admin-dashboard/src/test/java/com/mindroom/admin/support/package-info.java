/**
 * Test support for the admin dashboard: seeded admins with a known second factor, an HTTP
 * client that keeps the session and CSRF token, and the shared test configuration.
 */
package com.mindroom.admin.support;
