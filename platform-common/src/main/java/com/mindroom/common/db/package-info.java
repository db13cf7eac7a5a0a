/**
 * Database conventions shared by the services: units of work as a customer, and the
 * platform clock.
 */
package com.mindroom.common.db;
