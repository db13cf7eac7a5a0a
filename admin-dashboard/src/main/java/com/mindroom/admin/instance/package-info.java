/**
 * Instances: the list, the detail with live state, and the actions on an instance, all
 * through the desired state.
 */
package com.mindroom.admin.instance;
