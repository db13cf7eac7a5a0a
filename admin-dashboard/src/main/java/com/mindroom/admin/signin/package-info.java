/**
 * Admin sign-in: password through the identity provider, then the TOTP second factor, and
 * its enrolment.
 */
package com.mindroom.admin.signin;
