/**
 * The customer's instance: its state and live progress, and starting, stopping and
 * restarting it.
 */
package com.mindroom.portal.instance;
