package com.mindroom.common.security;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.jwk.source.ImmutableSecret;

import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Issues access tokens for the built-in identity in the shape Supabase Auth issues them
 * ({@code sub}, {@code email}, {@code role}, {@code aud=authenticated}), so every other
 * code path is the same with either.
 */
public class JwtIssuer {

	private final NimbusJwtEncoder encoder;

	private final JwtProperties properties;

	private final Clock clock;

	public JwtIssuer(JwtProperties properties, Clock clock) {
		this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(JwtVerification.secretKey(properties)));
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Issues an access token.
	 * @param accountId the account id (the subject)
	 * @param email the account's email
	 * @return the signed token and when it expires
	 */
	public IssuedToken issue(UUID accountId, String email) {
		Instant now = this.clock.instant();
		Instant expiresAt = now.plus(this.properties.ttl());
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
			.subject(accountId.toString())
			.audience(List.of(this.properties.audience()))
			.issuedAt(now)
			.expiresAt(expiresAt)
			.claim("email", email)
			.claim("role", "authenticated");
		if (this.properties.hasIssuer()) {
			claims.issuer(this.properties.issuer());
		}
		JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
		String token = this.encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
		return new IssuedToken(token, expiresAt);
	}

	/**
	 * A signed access token.
	 *
	 * @param value the compact JWT
	 * @param expiresAt when it expires
	 */
	public record IssuedToken(String value, Instant expiresAt) {

	}

}
