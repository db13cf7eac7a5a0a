/**
 * The customer's own account: settings, data export and account deletion.
 */
package com.mindroom.portal.account;
