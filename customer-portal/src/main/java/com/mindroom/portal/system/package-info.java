/**
 * Cross-cutting configuration of the Customer Portal: security, the caller, problem
 * responses and the portal's settings.
 */
package com.mindroom.portal.system;
