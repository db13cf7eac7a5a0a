/**
 * The simulator's settings and cross-cutting configuration.
 */
package com.mindroom.stripesim.system;
