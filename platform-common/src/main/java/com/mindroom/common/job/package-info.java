/**
 * On-demand back-office work (a Stripe backfill, a restore...) queued in the database and
 * claimed by the service that owns it, so no service calls another to get work done.
 */
package com.mindroom.common.job;
