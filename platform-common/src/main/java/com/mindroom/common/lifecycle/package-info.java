/**
 * The tenant lifecycle: from billing and account state to the state an instance should be
 * in.
 */
package com.mindroom.common.lifecycle;
