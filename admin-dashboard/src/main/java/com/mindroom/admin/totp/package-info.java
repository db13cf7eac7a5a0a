/**
 * The admin second factor: RFC 6238 codes, the sealed secret with replay protection,
 * recovery codes and the enrolment QR code.
 */
package com.mindroom.admin.totp;
