package com.mindroom.gateway.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * The security headers set on every response ({@code mindroom.gateway.security-headers}).
 *
 * @param contentSecurityPolicy the policy (set in {@code application.yml}: pages load
 * scripts, styles and fonts only from the platform itself, webjars and htmx included, and
 * send forms to it or to the hosted checkout and billing portal)
 * @param strictTransportSecurity the HSTS policy
 * @param referrerPolicy the referrer policy
 * @param permissionsPolicy the browser features pages may use
 */
@ConfigurationProperties("mindroom.gateway.security-headers")
public record SecurityHeadersProperties(String contentSecurityPolicy,
		@DefaultValue("max-age=31536000; includeSubDomains") String strictTransportSecurity,
		@DefaultValue("strict-origin-when-cross-origin") String referrerPolicy,
		@DefaultValue("camera=(), microphone=(), geolocation=(), payment=()") String permissionsPolicy) {

	public SecurityHeadersProperties {
		Assert.hasText(contentSecurityPolicy, "mindroom.gateway.security-headers.content-security-policy must be set");
	}

}
