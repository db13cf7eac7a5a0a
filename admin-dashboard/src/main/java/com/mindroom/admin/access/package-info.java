/**
 * Who is calling: the admin principal, the caller of an action, and the step-up check for
 * destructive actions.
 */
package com.mindroom.admin.access;
