/**
 * Creating instances and the actions customers and admins take on them, all through the
 * desired state.
 */
package com.mindroom.common.instance;
