/**
 * The public landing page.
 */
package com.mindroom.portal.home;
