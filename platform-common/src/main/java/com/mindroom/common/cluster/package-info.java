/**
 * Which Kubernetes cluster the platform drives, as every service can tell from its
 * settings (the "simulated cluster" badge).
 */
package com.mindroom.common.cluster;
