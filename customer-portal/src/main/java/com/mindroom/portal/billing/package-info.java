/**
 * Plans, checkout and billing: the Free plan, Stripe Checkout and customer portal,
 * subscriptions, invoices and Enterprise enquiries.
 */
package com.mindroom.portal.billing;
