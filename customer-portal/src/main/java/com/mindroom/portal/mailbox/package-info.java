/**
 * The local mailbox: queued emails shown in the browser when MindRoom runs locally.
 */
package com.mindroom.portal.mailbox;
