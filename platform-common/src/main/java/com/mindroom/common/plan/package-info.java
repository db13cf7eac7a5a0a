/**
 * The plan catalog: what each plan allows, what it runs on, and which Stripe prices sell
 * it.
 */
package com.mindroom.common.plan;
