/**
 * The Kubernetes side of provisioning: tenant namespaces, applying and pruning the
 * rendered objects, workload readiness, and a watched cache of everything the provisioner
 * owns.
 */
package com.mindroom.provisioner.cluster;
