/**
 * The simulated cluster of local runs and tests: the fabric8 mock server in CRUD mode and
 * a simulated kubelet that marks workloads ready, kept apart from the reconciler, which
 * treats it like any cluster.
 */
package com.mindroom.provisioner.simulation;
