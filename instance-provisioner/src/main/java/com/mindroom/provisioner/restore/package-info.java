/**
 * Restores of an instance from a backup through the lifecycle (suspend, restore the data,
 * resume) with progress in its history, and the weekly restore drill that proves backups
 * can be restored.
 */
package com.mindroom.provisioner.restore;
