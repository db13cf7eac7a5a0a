/**
 * Admin dashboard: accounts, subscriptions, instances and actions on them, business
 * metrics, the audit log; JSON API /api/admin.
 */
package com.mindroom.admin;
