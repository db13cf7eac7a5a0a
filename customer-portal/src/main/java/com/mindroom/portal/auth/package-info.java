/**
 * Signing customers up and in: the sign-in pages, the browser session with the identity
 * provider's tokens, and the API's token endpoint.
 */
package com.mindroom.portal.auth;
