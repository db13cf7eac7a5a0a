/**
 * The level-triggered reconcile loop: claiming instances from the database, comparing
 * desired with observed state, converging the cluster and recording what happened.
 */
package com.mindroom.provisioner.reconcile;
