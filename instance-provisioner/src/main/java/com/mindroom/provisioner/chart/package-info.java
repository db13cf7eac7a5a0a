/**
 * The instance chart: its values for one instance and rendering it with Helm's engine.
 */
package com.mindroom.provisioner.chart;
