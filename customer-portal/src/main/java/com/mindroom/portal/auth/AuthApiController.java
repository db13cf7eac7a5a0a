package com.mindroom.portal.auth;

import java.time.Clock;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import com.mindroom.common.identity.IdentityProvider;
import com.mindroom.common.identity.Session;
import com.mindroom.common.identity.SignUpOutcome;
import com.mindroom.common.web.Problems;
import com.mindroom.portal.system.PortalProperties;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign-up and tokens for API clients: the password grant (and refresh) returns the same
 * access tokens the portal's pages use, whichever identity provider runs.
 */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "auth", description = "Sign up and get access tokens")
class AuthApiController {

	private final IdentityProvider identity;

	private final SignIns signIns;

	private final PortalProperties properties;

	private final Clock clock = Clock.systemUTC();

	AuthApiController(IdentityProvider identity, SignIns signIns, PortalProperties properties) {
		this.identity = identity;
		this.signIns = signIns;
		this.properties = properties;
	}

	@PostMapping("/signup")
	@Operation(summary = "Create an account",
			description = "Answers 202 with confirmationRequired=true when an email must be confirmed first "
					+ "(also when the email already has an account: nothing tells them apart), "
					+ "or 201 with tokens when no confirmation is required.")
	ResponseEntity<SignUpResponse> signUp(@Valid @RequestBody SignUpRequest body) {
		SignUpOutcome outcome = this.identity.signUp(body.email(), body.password(),
				(body.name() != null) ? body.name().trim() : "", this.properties.url("/auth/confirm"));
		if (outcome.confirmationSent()) {
			return ResponseEntity.accepted().body(new SignUpResponse(true, null));
		}
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(new SignUpResponse(false, TokenResponse.of(outcome.session(), this.clock)));
	}

	@PostMapping("/token")
	@Operation(summary = "Get an access token",
			description = "grant_type password (email, password) or refresh_token (refresh_token). "
					+ "Failed password attempts are throttled per email and client address (429 with Retry-After).")
	TokenResponse token(@Valid @RequestBody TokenRequest body, HttpServletRequest request) {
		String grant = (body.grantType() != null) ? body.grantType() : "password";
		Session session = switch (grant) {
			case "password" -> this.signIns.withPassword(required(body.email(), "email"),
					required(body.password(), "password"), request);
			case "refresh_token" -> this.identity.refresh(required(body.refreshToken(), "refresh_token"));
			default -> throw Problems.badRequest("grant_type must be password or refresh_token");
		};
		return TokenResponse.of(session, this.clock);
	}

	private static String required(String value, String field) {
		if (value == null || value.isBlank()) {
			throw Problems.badRequest(field + " is required");
		}
		return value;
	}

	/**
	 * A sign-up.
	 *
	 * @param email the email
	 * @param password the password (at least 10 characters, not a common one)
	 * @param name the display name
	 */
	record SignUpRequest(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 128) String password,
			@Size(max = 200) String name) {

	}

	/**
	 * What a sign-up led to.
	 *
	 * @param confirmationRequired whether the email must be confirmed (a link was sent)
	 * @param tokens the tokens, when no confirmation is required
	 */
	record SignUpResponse(boolean confirmationRequired, TokenResponse tokens) {

	}

	/**
	 * A token request.
	 *
	 * @param grantType {@code password} (the default) or {@code refresh_token}
	 * @param email the email (password grant)
	 * @param password the password (password grant)
	 * @param refreshToken the refresh token (refresh grant)
	 */
	record TokenRequest(@JsonProperty("grant_type") @Size(max = 32) String grantType, @Size(max = 254) String email,
			@Size(max = 128) String password, @JsonProperty("refresh_token") @Size(max = 2000) String refreshToken) {

	}

	/**
	 * Tokens in the OAuth 2 shape.
	 *
	 * @param accessToken the access token (a JWT)
	 * @param tokenType always {@code bearer}
	 * @param expiresIn seconds until the access token expires
	 * @param refreshToken the refresh token
	 */
	record TokenResponse(@JsonProperty("access_token") String accessToken, @JsonProperty("token_type") String tokenType,
			@JsonProperty("expires_in") long expiresIn, @JsonProperty("refresh_token") String refreshToken) {

		static TokenResponse of(Session session, Clock clock) {
			long seconds = Math.max(0, session.expiresAt().getEpochSecond() - clock.instant().getEpochSecond());
			return new TokenResponse(session.accessToken(), "bearer", seconds, session.refreshToken());
		}

		@Override
		public String toString() {
			return "TokenResponse[expiresIn=" + this.expiresIn + "]";
		}

	}

}
