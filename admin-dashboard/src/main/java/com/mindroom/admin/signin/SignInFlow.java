package com.mindroom.admin.signin;

import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mindroom.admin.access.AdminPrincipal;
import com.mindroom.admin.access.AdminPrincipal.Stage;
import com.mindroom.admin.totp.SecondFactor;
import com.mindroom.common.audit.Actor;
import com.mindroom.common.audit.AuditEntry;
import com.mindroom.common.audit.AuditEntry.Outcome;
import com.mindroom.common.audit.AuditLog;
import com.mindroom.common.identity.AccountDirectory;
import com.mindroom.common.identity.AccountDirectory.Credentials;
import com.mindroom.common.identity.IdentityException;
import com.mindroom.common.identity.IdentityProvider;
import com.mindroom.common.identity.LoginThrottle;
import com.mindroom.common.identity.Session;

import org.springframework.stereotype.Component;

/**
 * The steps of admin sign-in: the password through the identity provider (throttled per
 * email and address), the admin flag from our own table, then the second factor
 * (throttled per account). Every attempt is audited.
 */
@Component
class SignInFlow {

	private static final Logger logger = LoggerFactory.getLogger(SignInFlow.class);

	private final IdentityProvider identity;

	private final AccountDirectory accounts;

	private final LoginThrottle throttle;

	private final SecondFactor secondFactor;

	private final AuditLog audit;

	SignInFlow(IdentityProvider identity, AccountDirectory accounts, LoginThrottle throttle, SecondFactor secondFactor,
			AuditLog audit) {
		this.identity = identity;
		this.accounts = accounts;
		this.throttle = throttle;
		this.secondFactor = secondFactor;
		this.audit = audit;
	}

	PasswordResult password(String email, String password, Client client) {
		String typed = (email != null) ? email.trim() : "";
		Actor anonymous = new Actor(Actor.Type.ANONYMOUS, null, typed.isEmpty() ? null : truncate(typed));
		Optional<Duration> locked = this.throttle.lockedFor(typed, client.ip());
		if (locked.isPresent()) {
			record(anonymous, "admin.sign_in", Outcome.DENIED, client, "locked out after repeated failures");
			return PasswordResult.refused(tooMany(locked.get()));
		}
		Session session;
		try {
			session = this.identity.signIn(typed, password);
		}
		catch (IdentityException ex) {
			return refused(ex, typed, anonymous, client);
		}
		this.throttle.success(typed);
		this.identity.signOut(session);
		Credentials account = this.accounts.findById(session.accountId()).orElseThrow();
		if (!account.admin()) {
			record(Actor.customer(account.id(), account.email()), "admin.sign_in", Outcome.DENIED, client,
					"not an admin");
			return new PasswordResult(new AdminPrincipal(account.id(), account.email(), Stage.CUSTOMER), false, null);
		}
		return new PasswordResult(new AdminPrincipal(account.id(), account.email(), Stage.PASSWORD),
				this.secondFactor.enrolled(account.id()), null);
	}

	private PasswordResult refused(IdentityException ex, String email, Actor anonymous, Client client) {
		switch (ex.kind()) {
			case INVALID_CREDENTIALS, INVALID_INPUT -> {
				this.throttle.failure(email, client.ip());
				record(anonymous, "admin.sign_in", Outcome.FAILURE, client, "wrong email or password");
				return PasswordResult.refused(IdentityException.invalidCredentials().getMessage());
			}
			case UNAVAILABLE -> {
				logger.warn("Identity provider unavailable during admin sign-in: {}", ex.getMessage());
				return PasswordResult.refused("Sign-in is unavailable at the moment; please try again shortly.");
			}
			default -> {
				record(anonymous, "admin.sign_in", Outcome.DENIED, client,
						ex.kind().name().toLowerCase(java.util.Locale.ROOT));
				return PasswordResult.refused(ex.getMessage());
			}
		}
	}

	/**
	 * Checks the second factor of an admin who has given the password.
	 * @param principal the admin
	 * @param code the TOTP code, or a recovery code when {@code recovery} is set
	 * @param recovery whether the code is a recovery code
	 * @param client where the attempt comes from
	 * @return {@code null} when accepted, otherwise why not
	 */
	String secondFactor(AdminPrincipal principal, String code, boolean recovery, Client client) {
		Actor actor = Actor.admin(principal.accountId(), principal.email());
		String key = "totp:" + principal.accountId();
		Optional<Duration> locked = this.throttle.lockedFor(key, client.ip());
		if (locked.isPresent()) {
			record(actor, "admin.totp_failed", Outcome.DENIED, client, "locked out after repeated failures");
			return tooMany(locked.get());
		}
		boolean accepted = recovery ? this.secondFactor.useRecoveryCode(principal.accountId(), code)
				: this.secondFactor.verify(principal.accountId(), code);
		if (!accepted) {
			this.throttle.failure(key, client.ip());
			record(actor, "admin.totp_failed", Outcome.FAILURE, client,
					recovery ? "unknown or used recovery code" : "wrong or reused code");
			return recovery ? "That recovery code is not valid or was already used."
					: "That code is not right, or was already used. Wait for the next one and try again.";
		}
		this.throttle.success(key);
		if (recovery) {
			record(actor, "admin.recovery_code_used", Outcome.SUCCESS, client, null);
		}
		signedIn(principal, recovery ? "recovery_code" : "totp", client);
		return null;
	}

	void signedIn(AdminPrincipal principal, String method, Client client) {
		this.audit.record(AuditEntry.of(Actor.admin(principal.accountId(), principal.email()), "admin.sign_in")
			.withTarget("account", principal.accountId())
			.withAccount(principal.accountId())
			.withClient(client.ip(), client.userAgent())
			.withDetail("method", method));
	}

	void record(Actor actor, String action, Outcome outcome, Client client, String why) {
		AuditEntry entry = AuditEntry.of(actor, action)
			.withOutcome(outcome)
			.withClient(client.ip(), client.userAgent())
			.withReason(why);
		if (actor.id() != null) {
			entry = entry.withTarget("account", actor.id()).withAccount(actor.id());
		}
		this.audit.record(entry);
	}

	private static String tooMany(Duration remaining) {
		long minutes = Math.max(1, (remaining.toSeconds() + 59) / 60);
		return "Too many failed attempts. Try again in " + minutes + " minute" + ((minutes == 1) ? "" : "s") + ".";
	}

	private static String truncate(String email) {
		return (email.length() > 320) ? email.substring(0, 320) : email;
	}

}
