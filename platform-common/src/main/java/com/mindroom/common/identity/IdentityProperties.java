package com.mindroom.common.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * Identity settings ({@code mindroom.identity}).
 *
 * @param supabaseUrl the Supabase project URL; when set, Supabase Auth is the identity
 * provider
 * @param supabaseAnonKey the Supabase anon (publishable) key, sent as {@code apikey}
 * @param emailConfirmation whether the built-in identity requires a confirmed email
 * before sign-in
 * @param refreshTtl how long a built-in refresh token lives
 * @param resetTtl how long a built-in password reset link lives
 * @param confirmationTtl how long a built-in confirmation link lives
 * @param throttle sign-in throttling
 */
@ConfigurationProperties("mindroom.identity")
public record IdentityProperties(String supabaseUrl, String supabaseAnonKey,
		@DefaultValue("true") boolean emailConfirmation, @DefaultValue("30d") Duration refreshTtl,
		@DefaultValue("1h") Duration resetTtl, @DefaultValue("2d") Duration confirmationTtl,
		@DefaultValue Throttle throttle) {

	public boolean supabase() {
		return StringUtils.hasText(this.supabaseUrl);
	}

	/**
	 * Sign-in throttling: failures allowed per window, per email and per client address,
	 * and the lockout.
	 *
	 * @param window the counting window
	 * @param perEmail failures allowed per email in the window
	 * @param perAddress failures allowed per client address in the window
	 * @param lockout how long a key stays locked once over its limit
	 */
	public record Throttle(@DefaultValue("15m") Duration window, @DefaultValue("5") int perEmail,
			@DefaultValue("30") int perAddress, @DefaultValue("15m") Duration lockout) {

	}

}
