package com.mindroom.common.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.util.Assert;

/**
 * Builds the JWT decoders every service uses, servlet or reactive, with the same keys and
 * checks: signature, expiry, issuer (when configured) and audience. With a JWKS URI, keys
 * are cached and re-fetched when a token names an unknown {@code kid}.
 */
public final class JwtVerification {

	private JwtVerification() {
	}

	public static JwtDecoder decoder(JwtProperties properties) {
		NimbusJwtDecoder decoder = properties.usesJwks()
				? NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri())
					.jwsAlgorithms((algorithms) -> algorithms
						.addAll(List.of(SignatureAlgorithm.RS256, SignatureAlgorithm.ES256)))
					.build()
				: NimbusJwtDecoder.withSecretKey(secretKey(properties)).macAlgorithm(MacAlgorithm.HS256).build();
		decoder.setJwtValidator(validator(properties));
		return decoder;
	}

	public static ReactiveJwtDecoder reactiveDecoder(JwtProperties properties) {
		NimbusReactiveJwtDecoder decoder = properties.usesJwks()
				? NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri())
					.jwsAlgorithms((algorithms) -> algorithms
						.addAll(List.of(SignatureAlgorithm.RS256, SignatureAlgorithm.ES256)))
					.build()
				: NimbusReactiveJwtDecoder.withSecretKey(secretKey(properties))
					.macAlgorithm(MacAlgorithm.HS256)
					.build();
		decoder.setJwtValidator(validator(properties));
		return decoder;
	}

	static SecretKey secretKey(JwtProperties properties) {
		Assert.hasText(properties.secret(),
				"mindroom.security.jwt.secret (MINDROOM_JWT_SECRET) must be set " + "when no JWKS URI is configured");
		byte[] bytes = properties.secret().getBytes(StandardCharsets.UTF_8);
		Assert.isTrue(bytes.length >= 32, "mindroom.security.jwt.secret must be at least 32 bytes");
		return new SecretKeySpec(bytes, "HmacSHA256");
	}

	static OAuth2TokenValidator<Jwt> validator(JwtProperties properties) {
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
		validators.add(new JwtTimestampValidator());
		if (properties.hasIssuer()) {
			validators.add(new JwtIssuerValidator(properties.issuer()));
		}
		validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
				(audience) -> audience != null && audience.contains(properties.audience())));
		return new DelegatingOAuth2TokenValidator<>(validators);
	}

}
