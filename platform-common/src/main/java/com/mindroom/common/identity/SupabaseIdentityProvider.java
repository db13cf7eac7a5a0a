package com.mindroom.common.identity;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import com.mindroom.common.identity.AccountDirectory.Credentials;
import com.mindroom.common.identity.IdentityException.Kind;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * Supabase Auth through its REST API ({@code /auth/v1}), server-side: the portal never
 * hands Supabase tokens to the browser. Email links use Supabase's token-hash flow (the
 * email templates link to our pages with {@code token_hash}, which is verified here).
 * Each identity gets its {@code accounts} row on first sign-in; the account's status in
 * our database still decides whether it may sign in.
 */
public class SupabaseIdentityProvider implements IdentityProvider {

	private static final Logger logger = LoggerFactory.getLogger(SupabaseIdentityProvider.class);

	private final RestClient http;

	private final AccountDirectory accounts;

	private final Clock clock;

	public SupabaseIdentityProvider(RestClient.Builder builder, IdentityProperties properties,
			AccountDirectory accounts, Clock clock) {
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build());
		requests.setReadTimeout(Duration.ofSeconds(10));
		this.http = builder.baseUrl(properties.supabaseUrl().replaceAll("/+$", "") + "/auth/v1")
			.requestFactory(requests)
			.defaultHeader("apikey", properties.supabaseAnonKey())
			.build();
		this.accounts = accounts;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "supabase";
	}

	@Override
	public SignUpOutcome signUp(String email, String password, String name, String confirmUrl) {
		String address = EmailAddresses.normalize(email);
		PasswordPolicy.check(password, address);
		JsonNode body = call(() -> this.http.post()
			.uri((uri) -> uri.path("/signup").queryParam("redirect_to", confirmUrl).build())
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", address, "password", password, "data", Map.of("name", (name != null) ? name : "")))
			.retrieve()
			.body(JsonNode.class));
		if (body.hasNonNull("access_token")) {
			return new SignUpOutcome(session(body), false);
		}
		return new SignUpOutcome(null, true);
	}

	@Override
	public Session signIn(String email, String password) {
		return session(token("password",
				Map.of("email", (email != null) ? email.trim() : "", "password", (password != null) ? password : "")));
	}

	@Override
	public Session refresh(String refreshToken) {
		return session(token("refresh_token", Map.of("refresh_token", (refreshToken != null) ? refreshToken : "")));
	}

	@Override
	public void signOut(Session session) {
		call(() -> this.http.post()
			.uri("/logout")
			.header("Authorization", "Bearer " + session.accessToken())
			.retrieve()
			.toBodilessEntity());
	}

	@Override
	public void sendPasswordReset(String email, String resetUrl) {
		call(() -> this.http.post()
			.uri((uri) -> uri.path("/recover").queryParam("redirect_to", resetUrl).build())
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", (email != null) ? email.trim() : ""))
			.retrieve()
			.toBodilessEntity());
	}

	@Override
	public Session resetPassword(String token, String newPassword) {
		Session session = verify(token, "recovery");
		changePassword(session, newPassword);
		return session;
	}

	@Override
	public Session confirmEmail(String token) {
		return verify(token, "email");
	}

	@Override
	public void changePassword(Session session, String newPassword) {
		PasswordPolicy.check(newPassword, session.email());
		call(() -> this.http.put()
			.uri("/user")
			.header("Authorization", "Bearer " + session.accessToken())
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("password", newPassword))
			.retrieve()
			.toBodilessEntity());
	}

	@Override
	public void requestEmailChange(Session session, String newEmail, String confirmUrl) {
		String address = EmailAddresses.normalize(newEmail);
		call(() -> this.http.put()
			.uri((uri) -> uri.path("/user").queryParam("redirect_to", confirmUrl).build())
			.header("Authorization", "Bearer " + session.accessToken())
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", address))
			.retrieve()
			.toBodilessEntity());
		logger.info("Account {} asked Supabase to change its email", session.accountId());
	}

	@Override
	public Optional<EmailChange> confirmEmailChange(String tokenHash) {
		JsonNode body = verified(tokenHash, "email_change");
		if (!body.hasNonNull("access_token")) {
			return Optional.empty();
		}
		UUID id = UUID.fromString(body.path("user").path("id").asString());
		String previous = this.accounts.findById(id).map(Credentials::email).orElse(null);
		Session session = session(body);
		logger.info("Account {} changed its email", id);
		return Optional.of(new EmailChange(id, previous, session.email()));
	}

	private Session verify(String tokenHash, String type) {
		return session(verified(tokenHash, type));
	}

	private JsonNode verified(String tokenHash, String type) {
		if (tokenHash == null || tokenHash.isBlank()) {
			throw IdentityException.invalidToken();
		}
		try {
			return call(() -> this.http.post()
				.uri("/verify")
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("type", type, "token_hash", tokenHash))
				.retrieve()
				.body(JsonNode.class));
		}
		catch (IdentityException ex) {
			throw (ex.kind() == Kind.INVALID_CREDENTIALS) ? IdentityException.invalidToken() : ex;
		}
	}

	private JsonNode token(String grantType, Map<String, String> body) {
		return call(() -> this.http.post()
			.uri((uri) -> uri.path("/token").queryParam("grant_type", grantType).build())
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.body(JsonNode.class));
	}

	private Session session(JsonNode body) {
		JsonNode user = body.path("user");
		UUID id = UUID.fromString(user.path("id").asString());
		String email = user.path("email").asString();
		this.accounts.ensure(id, email, user.path("user_metadata").path("name").asString(""));
		Credentials account = this.accounts.findById(id).orElseThrow(IdentityException::invalidCredentials);
		if (!account.active()) {
			throw new IdentityException(Kind.ACCOUNT_DISABLED, "This account is not active. Contact support.");
		}
		Instant expiresAt = body.hasNonNull("expires_at") ? Instant.ofEpochSecond(body.path("expires_at").asLong())
				: this.clock.instant().plusSeconds(body.path("expires_in").asLong(3600));
		return new Session(id, email, body.path("access_token").asString(), body.path("refresh_token").asString(),
				expiresAt);
	}

	private <T> T call(java.util.function.Supplier<T> request) {
		try {
			return request.get();
		}
		catch (RestClientResponseException ex) {
			throw translate(ex.getStatusCode(), ex.getResponseBodyAsString());
		}
		catch (ResourceAccessException ex) {
			logger.warn("Supabase Auth unreachable: {}", ex.getMessage());
			throw new IdentityException(Kind.UNAVAILABLE, "Sign-in is temporarily unavailable; please try again.", ex);
		}
	}

	private static IdentityException translate(HttpStatusCode status, String body) {
		if (status.value() == 429) {
			return new IdentityException(Kind.UNAVAILABLE, "Too many attempts; please wait a moment and try again.");
		}
		if (status.is5xxServerError()) {
			logger.warn("Supabase Auth answered {}", status.value());
			return new IdentityException(Kind.UNAVAILABLE, "Sign-in is temporarily unavailable; please try again.");
		}
		if (body.contains("email_not_confirmed")) {
			return new IdentityException(Kind.EMAIL_NOT_CONFIRMED,
					"Confirm your email address first; we sent you a link.");
		}
		if (body.contains("email_exists")) {
			return new IdentityException(Kind.INVALID_INPUT, "This email address is already in use.");
		}
		if (body.contains("weak_password")) {
			return new IdentityException(Kind.INVALID_INPUT, "This password is too weak; choose a longer one.");
		}
		return IdentityException.invalidCredentials();
	}

}
