/**
 * What the gateway answers when it cannot or will not pass a request on: problem details
 * for API clients, a friendly page for browsers.
 */
package com.mindroom.gateway.errors;
