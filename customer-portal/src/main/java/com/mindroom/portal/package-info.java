/**
 * Customer portal: sign-up, plans and checkout, billing, the customer's instance,
 * settings, GDPR export and deletion; JSON API /api/v1.
 */
package com.mindroom.portal;
