/**
 * An instance's backups and restores in the admin dashboard, and the admin's restore,
 * which asks for it through {@code RestoreRequests} and never calls the cluster.
 */
package com.mindroom.admin.backup;
