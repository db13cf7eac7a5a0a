/**
 * The customer's usage: daily figures and the dashboard's charts against the plan's
 * limits.
 */
package com.mindroom.portal.usage;
