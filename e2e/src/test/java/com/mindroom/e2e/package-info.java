/**
 * The end-to-end test: the whole platform started as a newcomer starts it, and the
 * customer journey through it in real browsers.
 */
package com.mindroom.e2e;
