/**
 * The only public entry of MindRoom Cloud: routing to the services, limits and security
 * headers.
 */
package com.mindroom.gateway;
