package com.mindroom.common.security;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Verification of Supabase-shaped tokens with the built-in HS256 secret and with a JWKS
 * endpoint whose keys rotate.
 */
class JwtVerificationTests {

	private static final String SECRET = "a-test-secret-that-is-at-least-32-bytes-long";

	private static final UUID ACCOUNT = UUID.fromString("6f1c2a4e-0000-4000-8000-000000000001");

	private HttpServer jwks;

	@AfterEach
	void stop() {
		if (this.jwks != null) {
			this.jwks.stop(0);
		}
	}

	@Test
	void verifiesTokensOfTheBuiltInIdentity() {
		JwtProperties properties = hs256("https://mindroom.test/auth");
		String token = new JwtIssuer(properties, Clock.systemUTC()).issue(ACCOUNT, "a@example.com").value();
		Jwt jwt = JwtVerification.decoder(properties).decode(token);
		assertThat(jwt.getSubject()).isEqualTo(ACCOUNT.toString());
		assertThat(jwt.getClaimAsString("email")).isEqualTo("a@example.com");
		assertThat(jwt.getClaimAsString("role")).isEqualTo("authenticated");
		assertThat(jwt.getAudience()).containsExactly("authenticated");
	}

	@Test
	void refusesExpiredTokens() {
		JwtProperties properties = hs256(null);
		Clock twoHoursAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC);
		String token = new JwtIssuer(properties, twoHoursAgo).issue(ACCOUNT, "a@example.com").value();
		assertThatExceptionOfType(JwtException.class)
			.isThrownBy(() -> JwtVerification.decoder(properties).decode(token))
			.withMessageContaining("expired");
	}

	@Test
	void refusesAnotherAudienceIssuerOrSecret() {
		JwtProperties verifier = hs256("https://mindroom.test/auth");
		String otherAudience = new JwtIssuer(
				new JwtProperties(null, SECRET, "https://mindroom.test/auth", "anon", Duration.ofHours(1)),
				Clock.systemUTC())
			.issue(ACCOUNT, "a@example.com")
			.value();
		String otherIssuer = new JwtIssuer(hs256("https://evil.test"), Clock.systemUTC())
			.issue(ACCOUNT, "a@example.com")
			.value();
		String otherSecret = new JwtIssuer(new JwtProperties(null, SECRET + "-other", "https://mindroom.test/auth",
				"authenticated", Duration.ofHours(1)), Clock.systemUTC())
			.issue(ACCOUNT, "a@example.com")
			.value();
		JwtDecoder decoder = JwtVerification.decoder(verifier);
		for (String token : List.of(otherAudience, otherIssuer, otherSecret)) {
			assertThatExceptionOfType(JwtException.class).isThrownBy(() -> decoder.decode(token));
		}
	}

	@Test
	void refusesSecretsTooShortToBeSafe() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> JwtVerification
				.decoder(new JwtProperties(null, "short", null, "authenticated", Duration.ofHours(1))))
			.withMessageContaining("32 bytes");
	}

	@Test
	void fetchesRotatedKeysWhenATokenNamesAnUnknownKid() throws Exception {
		RSAKey first = new RSAKeyGenerator(2048).keyID("key-1").generate();
		RSAKey second = new RSAKeyGenerator(2048).keyID("key-2").generate();
		AtomicReference<JWKSet> published = new AtomicReference<>(new JWKSet(first.toPublicJWK()));
		String uri = serveJwks(published);
		JwtDecoder decoder = JwtVerification
			.decoder(new JwtProperties(uri, null, null, "authenticated", Duration.ofHours(1)));
		assertThat(decoder.decode(rs256(first)).getSubject()).isEqualTo(ACCOUNT.toString());
		published.set(new JWKSet(List.of(first.toPublicJWK(), second.toPublicJWK())));
		assertThat(decoder.decode(rs256(second)).getSubject()).isEqualTo(ACCOUNT.toString());
	}

	private String serveJwks(AtomicReference<JWKSet> published) throws IOException {
		this.jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.jwks.createContext("/auth/v1/.well-known/jwks.json", (exchange) -> {
			byte[] body = published.get().toString().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.jwks.start();
		return "http://127.0.0.1:" + this.jwks.getAddress().getPort() + "/auth/v1/.well-known/jwks.json";
	}

	private static String rs256(RSAKey key) throws JOSEException {
		NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.subject(ACCOUNT.toString())
			.audience(List.of("authenticated"))
			.issuedAt(Instant.now())
			.expiresAt(Instant.now().plus(Duration.ofMinutes(5)))
			.build();
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.getKeyID()).build();
		return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
	}

	private static JwtProperties hs256(String issuer) {
		return new JwtProperties(null, SECRET, issuer, "authenticated", Duration.ofHours(1));
	}

}
