/**
 * Cross-cutting configuration of the Customer Portal service.
 */
package com.mindroom.portal.system;
