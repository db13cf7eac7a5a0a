/**
 * Uptime of instances and of the fleet, computed from the hourly health-check counts.
 */
package com.mindroom.common.uptime;
