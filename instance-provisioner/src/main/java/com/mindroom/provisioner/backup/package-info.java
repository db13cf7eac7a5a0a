/**
 * Automatic encrypted backups of each instance's volumes to S3-compatible object storage:
 * the agent that runs next to the data in a Kubernetes Job, the Jobs, their schedule,
 * their outcomes in {@code backups}, and retention.
 */
package com.mindroom.provisioner.backup;
