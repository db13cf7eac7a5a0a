/**
 * Accounts: search, detail and the admin actions on an account (suspend, admin rights,
 * deletion).
 */
package com.mindroom.admin.account;
