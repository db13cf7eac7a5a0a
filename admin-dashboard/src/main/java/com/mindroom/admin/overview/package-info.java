/**
 * The business at a glance: MRR, subscriptions, churn, sign-ups and instance states, with
 * server-drawn SVG charts.
 */
package com.mindroom.admin.overview;
