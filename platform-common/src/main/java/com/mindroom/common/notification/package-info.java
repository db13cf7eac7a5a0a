/**
 * The notification outbox: emails are queued in the transaction that causes them and sent
 * later.
 */
package com.mindroom.common.notification;
