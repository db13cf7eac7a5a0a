/**
 * The error convention of the JSON APIs: RFC 9457 problem details.
 */
package com.mindroom.common.web;
