package com.mindroom.common.identity;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mindroom.common.db.TenantTransactions;
import com.mindroom.common.identity.AccountDirectory.Credentials;
import com.mindroom.common.identity.IdentityException.Kind;
import com.mindroom.common.notification.Notification;
import com.mindroom.common.notification.Notifications;
import com.mindroom.common.security.JwtIssuer;
import com.mindroom.common.security.JwtIssuer.IssuedToken;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The platform's own accounts (DESIGN.md section 5): BCrypt password hashes in
 * {@code accounts}, JWTs in the shape Supabase issues, opaque single-use refresh tokens,
 * and confirmation, reset and email change links sent through the notification outbox (an
 * email change link carries its new address, see
 * {@link OneTimeTokens#issue(UUID, String, java.time.Duration, String)}).
 */
public class BuiltInIdentityProvider implements IdentityProvider {

	private static final Logger logger = LoggerFactory.getLogger(BuiltInIdentityProvider.class);

	private final JdbcClient jdbc;

	private final TenantTransactions transactions;

	private final AccountDirectory accounts;

	private final OneTimeTokens tokens;

	private final Notifications notifications;

	private final PasswordEncoder passwords;

	private final JwtIssuer issuer;

	private final IdentityProperties properties;

	private final String unknownAccountHash;

	public BuiltInIdentityProvider(JdbcClient jdbc, TenantTransactions transactions, AccountDirectory accounts,
			OneTimeTokens tokens, Notifications notifications, PasswordEncoder passwords, JwtIssuer issuer,
			IdentityProperties properties) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.accounts = accounts;
		this.tokens = tokens;
		this.notifications = notifications;
		this.passwords = passwords;
		this.issuer = issuer;
		this.properties = properties;
		this.unknownAccountHash = passwords.encode("no account has this password");
	}

	@Override
	public String name() {
		return "builtin";
	}

	@Override
	public SignUpOutcome signUp(String email, String password, String name, String confirmUrl) {
		String address = EmailAddresses.normalize(email);
		PasswordPolicy.check(password, address);
		Optional<Credentials> existing = this.accounts.findByEmail(address);
		if (existing.isPresent()) {
			return alreadyRegistered(existing.get());
		}
		UUID id = UUID.randomUUID();
		try {
			this.transactions.asAccount(id, () -> {
				this.jdbc.sql("insert into accounts (id, email, name, password_hash) values (?, ?, ?, ?)")
					.params(id, address, (name != null) ? name.trim() : "", this.passwords.encode(password))
					.update();
				if (this.properties.emailConfirmation()) {
					sendLink(id, address, "email_verification", "email_confirmation", "Confirm your email address",
							confirmUrl);
				}
			});
		}
		catch (DuplicateKeyException ex) {
			return this.accounts.findByEmail(address).map(this::alreadyRegistered).orElseThrow(() -> ex);
		}
		logger.info("Account {} signed up", id);
		if (this.properties.emailConfirmation()) {
			return new SignUpOutcome(null, true);
		}
		return new SignUpOutcome(session(id, address), false);
	}

	private SignUpOutcome alreadyRegistered(Credentials existing) {
		if (!this.properties.emailConfirmation()) {
			throw new IdentityException(Kind.INVALID_INPUT,
					"We could not create an account with these details. If you already have one, sign in or reset your password.");
		}
		this.transactions.asAccount(existing.id(), () -> this.notifications.enqueue(new Notification(existing.id(),
				existing.email(), "account_exists", "Someone tried to sign up with your email", Map.of(), null)));
		return new SignUpOutcome(null, true);
	}

	@Override
	public Session signIn(String email, String password) {
		Optional<Credentials> found = this.accounts.findByEmail((email != null) ? email.trim() : "");
		String hash = found.map(Credentials::passwordHash).orElse(this.unknownAccountHash);
		boolean matches = this.passwords.matches((password != null) ? password : "", hash);
		if (found.isEmpty() || found.get().passwordHash() == null || !matches) {
			throw IdentityException.invalidCredentials();
		}
		Credentials account = found.get();
		requireUsable(account);
		return session(account.id(), account.email());
	}

	private void requireUsable(Credentials account) {
		if (!account.active()) {
			throw new IdentityException(Kind.ACCOUNT_DISABLED, "This account is not active. Contact support.");
		}
		if (this.properties.emailConfirmation() && !account.emailConfirmed()) {
			throw new IdentityException(Kind.EMAIL_NOT_CONFIRMED,
					"Confirm your email address first; we sent you a link.");
		}
	}

	@Override
	public Session refresh(String refreshToken) {
		UUID accountId = this.tokens.consume(refreshToken, "refresh").orElseThrow(IdentityException::invalidToken);
		Credentials account = this.accounts.findById(accountId).orElseThrow(IdentityException::invalidToken);
		requireUsable(account);
		return session(account.id(), account.email());
	}

	@Override
	public void signOut(Session session) {
		this.tokens.consume(session.refreshToken(), "refresh");
	}

	@Override
	public void sendPasswordReset(String email, String resetUrl) {
		this.accounts.findByEmail((email != null) ? email.trim() : "")
			.filter(Credentials::active)
			.ifPresent((account) -> this.transactions.asAccount(account.id(), () -> sendLink(account.id(),
					account.email(), "password_reset", "password_reset", "Reset your MindRoom password", resetUrl)));
	}

	@Override
	public Session resetPassword(String token, String newPassword) {
		return this.transactions.asAccount(peek(token, "password_reset"), () -> {
			UUID accountId = this.tokens.consume(token, "password_reset").orElseThrow(IdentityException::invalidToken);
			Credentials account = this.accounts.findById(accountId).orElseThrow(IdentityException::invalidToken);
			PasswordPolicy.check(newPassword, account.email());
			this.jdbc
				.sql("update accounts set password_hash = ?, email_verified_at = coalesce(email_verified_at, now()) "
						+ "where id = ?")
				.params(this.passwords.encode(newPassword), accountId)
				.update();
			this.tokens.revokeAll(accountId, "refresh");
			requireUsable(this.accounts.findById(accountId).orElseThrow());
			logger.info("Account {} reset its password", accountId);
			return session(accountId, account.email());
		});
	}

	@Override
	public Session confirmEmail(String token) {
		if (OneTimeTokens.carried(token).isPresent()) {
			throw IdentityException.invalidToken();
		}
		return this.transactions.asAccount(peek(token, "email_verification"), () -> {
			UUID accountId = this.tokens.consume(token, "email_verification")
				.orElseThrow(IdentityException::invalidToken);
			this.jdbc.sql("update accounts set email_verified_at = coalesce(email_verified_at, now()) where id = ?")
				.param(accountId)
				.update();
			Credentials account = this.accounts.findById(accountId).orElseThrow(IdentityException::invalidToken);
			requireUsable(account);
			return session(accountId, account.email());
		});
	}

	@Override
	public void changePassword(Session session, String newPassword) {
		PasswordPolicy.check(newPassword, session.email());
		this.transactions.asAccount(session.accountId(), () -> {
			this.jdbc.sql("update accounts set password_hash = ? where id = ?")
				.params(this.passwords.encode(newPassword), session.accountId())
				.update();
			this.tokens.revokeAll(session.accountId(), "refresh");
		});
	}

	@Override
	public void requestEmailChange(Session session, String newEmail, String confirmUrl) {
		String address = EmailAddresses.normalize(newEmail);
		this.transactions.asAccount(session.accountId(), () -> {
			this.tokens.revokeAll(session.accountId(), "email_verification");
			String token = this.tokens.issue(session.accountId(), "email_verification",
					this.properties.confirmationTtl(), address);
			this.notifications.enqueue(new Notification(session.accountId(), address, "email_change",
					"Confirm your new email address", Map.of("link", withToken(confirmUrl, token)), null));
		});
		logger.info("Account {} asked to change its email", session.accountId());
	}

	@Override
	public Optional<EmailChange> confirmEmailChange(String token) {
		String address = OneTimeTokens.carried(token).orElseThrow(IdentityException::invalidToken);
		UUID accountId = peek(token, "email_verification");
		try {
			return Optional.of(this.transactions.asAccount(accountId, () -> {
				this.tokens.consume(token, "email_verification").orElseThrow(IdentityException::invalidToken);
				Credentials account = this.accounts.findById(accountId).orElseThrow(IdentityException::invalidToken);
				requireUsable(account);
				this.jdbc.sql("update accounts set email = ?, email_verified_at = now() where id = ?")
					.params(address, accountId)
					.update();
				logger.info("Account {} changed its email", accountId);
				return new EmailChange(accountId, account.email(), address);
			}));
		}
		catch (DuplicateKeyException ex) {
			throw new IdentityException(Kind.INVALID_INPUT, "This email address is already in use.");
		}
	}

	/**
	 * Reads which account an unused token belongs to, so the transaction that uses it up
	 * can act as that account.
	 */
	private UUID peek(String token, String purpose) {
		if (token == null || token.isBlank() || token.length() > OneTimeTokens.MAX_LENGTH) {
			throw IdentityException.invalidToken();
		}
		return this.jdbc.sql("""
				select account_id from account_tokens
				where token_hash = ? and purpose = ? and used_at is null and expires_at > now()
				""")
			.params(OneTimeTokens.hash(token), purpose)
			.query(UUID.class)
			.optional()
			.orElseThrow(IdentityException::invalidToken);
	}

	private void sendLink(UUID accountId, String email, String purpose, String template, String subject, String url) {
		String token = this.tokens.issue(accountId, purpose,
				"password_reset".equals(purpose) ? this.properties.resetTtl() : this.properties.confirmationTtl());
		this.notifications.enqueue(
				new Notification(accountId, email, template, subject, Map.of("link", withToken(url, token)), null));
	}

	private static String withToken(String url, String token) {
		return url + (url.contains("?") ? "&" : "?") + "token=" + token;
	}

	private Session session(UUID accountId, String email) {
		IssuedToken access = this.issuer.issue(accountId, email);
		String refresh = this.tokens.issue(accountId, "refresh", this.properties.refreshTtl());
		return new Session(accountId, email, access.value(), refresh, access.expiresAt());
	}

}
