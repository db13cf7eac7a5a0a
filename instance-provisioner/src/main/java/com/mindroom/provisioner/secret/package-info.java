/**
 * Per-tenant generated secrets, sealed in the database and stable across reconciles.
 */
package com.mindroom.provisioner.secret;
