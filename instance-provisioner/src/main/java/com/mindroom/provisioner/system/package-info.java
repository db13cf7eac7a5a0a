/**
 * Cross-cutting configuration of the Instance Provisioner service.
 */
package com.mindroom.provisioner.system;
