/**
 * Health checks of running instances (uptime is computed from their results) and the
 * daily usage collection.
 */
package com.mindroom.provisioner.health;
