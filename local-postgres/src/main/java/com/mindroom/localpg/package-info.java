/**
 * An embedded PostgreSQL server for local runs where no PostgreSQL server is installed.
 */
package com.mindroom.localpg;
