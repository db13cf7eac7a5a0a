/**
 * Shared web pieces of the dashboard: paging, page error handling and flash messages.
 */
package com.mindroom.admin.web;
