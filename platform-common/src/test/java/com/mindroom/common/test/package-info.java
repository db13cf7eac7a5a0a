/**
 * Test support for every module: a fresh, migrated PostgreSQL database per test class.
 */
package com.mindroom.common.test;
