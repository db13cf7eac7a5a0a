/**
 * The hosted pages a customer's browser visits: checkout and the customer portal, plain
 * HTML forms without scripts.
 */
package com.mindroom.stripesim.hosted;
