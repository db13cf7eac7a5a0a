/**
 * What every response carries: the browser security headers.
 */
package com.mindroom.gateway.web;
