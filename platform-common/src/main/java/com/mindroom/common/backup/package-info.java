/**
 * Backups as the services other than the provisioner see them: asking for a restore.
 */
package com.mindroom.common.backup;
