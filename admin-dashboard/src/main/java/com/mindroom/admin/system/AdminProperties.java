package com.mindroom.admin.system;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Admin dashboard settings ({@code mindroom.admin}).
 *
 * @param publicBaseUrl where people reach the platform (the gateway), for the links the
 * operator command prints
 * @param enrolmentTtl how long a second-factor enrolment link stays valid
 * @param issuer the name authenticator apps show for the admin's code
 */
@ConfigurationProperties("mindroom.admin")
public record AdminProperties(@DefaultValue("http://localhost:8080") String publicBaseUrl,
		@DefaultValue("24h") Duration enrolmentTtl, @DefaultValue("MindRoom Admin") String issuer) {

	/**
	 * An absolute link to a dashboard path.
	 * @param path the path, starting with {@code /admin}
	 * @return the link
	 */
	public String link(String path) {
		String base = this.publicBaseUrl.endsWith("/")
				? this.publicBaseUrl.substring(0, this.publicBaseUrl.length() - 1) : this.publicBaseUrl;
		return base + path;
	}

}
