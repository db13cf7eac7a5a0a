/**
 * Time-based lifecycle transitions (a trial, grace, period or retention ending) applied
 * on a schedule, not only when an event arrives.
 */
package com.mindroom.stripe.lifecycle;
