/**
 * The customer's backups page: the instance's backups, and on a paid plan a restore from
 * one of them, asked for through {@code RestoreRequests} under the customer's row-level
 * security.
 */
package com.mindroom.portal.backup;
