/**
 * Instance provisioner: reconciles each instance's desired state into the cluster with
 * Helm and the Kubernetes API.
 */
package com.mindroom.provisioner;
