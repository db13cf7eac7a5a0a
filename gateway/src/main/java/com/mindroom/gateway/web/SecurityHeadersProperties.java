package com.mindroom.gateway.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The security headers set on every response ({@code mindroom.gateway.security-headers}).
 *
 * @param contentSecurityPolicy the policy; the default fits server-rendered pages that
 * load scripts, styles and fonts only from the platform itself (webjars, htmx) and send
 * forms to it or to Stripe's hosted checkout and billing portal
 * @param strictTransportSecurity the HSTS policy
 * @param referrerPolicy the referrer policy
 * @param permissionsPolicy the browser features pages may use
 */
@ConfigurationProperties("mindroom.gateway.security-headers")
public record SecurityHeadersProperties(@DefaultValue("default-src 'self'; script-src 'self'; style-src 'self'; "
		+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
		+ "form-action 'self' https://checkout.stripe.com https://billing.stripe.com; frame-ancestors 'none'") String contentSecurityPolicy,
		@DefaultValue("max-age=31536000; includeSubDomains") String strictTransportSecurity,
		@DefaultValue("strict-origin-when-cross-origin") String referrerPolicy,
		@DefaultValue("camera=(), microphone=(), geolocation=(), payment=()") String permissionsPolicy) {

}
