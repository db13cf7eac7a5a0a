package com.mindroom.portal.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The portal's own settings ({@code mindroom.portal}).
 *
 * @param publicUrl where customers reach the portal (through the gateway); email links
 * and Stripe redirects are built from it, never from a request's Host header
 * @param contentSecurityPolicy the policy the portal sends itself (the gateway sends the
 * same), so no page can depend on inline script or style
 */
@ConfigurationProperties("mindroom.portal")
public record PortalProperties(@DefaultValue("http://localhost:8080") String publicUrl,
		@DefaultValue("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
				+ "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
				+ "form-action 'self' https://checkout.stripe.com https://billing.stripe.com; frame-ancestors 'none'") String contentSecurityPolicy) {

	public PortalProperties {
		publicUrl = publicUrl.trim().replaceAll("/+$", "");
	}

	/**
	 * An absolute URL on the portal.
	 * @param path the path, starting with {@code /}
	 * @return the URL
	 */
	public String url(String path) {
		return this.publicUrl + path;
	}

}
