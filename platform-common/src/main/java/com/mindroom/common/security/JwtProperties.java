package com.mindroom.common.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * How access tokens are verified ({@code mindroom.security.jwt}): against Supabase's JWKS
 * when a key-set URI is configured, otherwise with the shared HS256 secret (Supabase's
 * legacy secret, or the built-in identity's).
 *
 * @param jwkSetUri the JWKS URI (Supabase:
 * {@code <SUPABASE_URL>/auth/v1/.well-known/jwks.json})
 * @param secret the HS256 secret, at least 32 bytes
 * @param issuer the required issuer, if any
 * @param audience the required audience (Supabase: {@code authenticated})
 * @param ttl how long tokens issued by the built-in identity live
 */
@ConfigurationProperties("mindroom.security.jwt")
public record JwtProperties(String jwkSetUri, String secret, String issuer,
		@DefaultValue("authenticated") String audience, @DefaultValue("1h") Duration ttl) {

	public boolean usesJwks() {
		return StringUtils.hasText(this.jwkSetUri);
	}

	public boolean hasIssuer() {
		return StringUtils.hasText(this.issuer);
	}

}
