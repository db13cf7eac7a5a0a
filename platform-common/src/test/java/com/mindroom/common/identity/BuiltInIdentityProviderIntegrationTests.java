package com.mindroom.common.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import com.mindroom.common.db.TenantTransactions;
import com.mindroom.common.identity.IdentityException.Kind;
import com.mindroom.common.notification.Notifications;
import com.mindroom.common.security.JwtIssuer;
import com.mindroom.common.security.JwtProperties;
import com.mindroom.common.security.JwtVerification;
import com.mindroom.common.test.FreshDatabase;
import com.mindroom.common.test.TestData;
import com.mindroom.common.test.TestDatabase;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The built-in identity, running as the portal's database role under Row Level Security:
 * sign-up with email confirmation, sign-in, refresh, password reset, and errors that
 * never reveal whether an email has an account.
 */
@FreshDatabase
class BuiltInIdentityProviderIntegrationTests {

	private static final JwtProperties JWT = new JwtProperties(null, "identity-test-secret-of-at-least-32-bytes", null,
			"authenticated", Duration.ofHours(1));

	private static final String PASSWORD = "correct horse battery";

	private HikariDataSource portal;

	private JdbcClient owner;

	private BuiltInIdentityProvider identity;

	@BeforeEach
	void setUp(TestDatabase database) {
		this.owner = new TestData(database.dataSource()).jdbc();
		this.portal = database.dataSourceAs("mindroom_portal");
		this.identity = provider(true);
	}

	private BuiltInIdentityProvider provider(boolean emailConfirmation) {
		JdbcClient jdbc = JdbcClient.create(this.portal);
		TenantTransactions transactions = new TenantTransactions(jdbc, new DataSourceTransactionManager(this.portal));
		IdentityProperties properties = new IdentityProperties(null, null, emailConfirmation, Duration.ofDays(30),
				Duration.ofHours(1), Duration.ofDays(2),
				new IdentityProperties.Throttle(Duration.ofMinutes(15), 5, 30, Duration.ofMinutes(15)));
		return new BuiltInIdentityProvider(jdbc, transactions, new AccountDirectory(jdbc, transactions),
				new OneTimeTokens(jdbc), new Notifications(jdbc, JsonMapper.builder().build()),
				new BCryptPasswordEncoder(4), new JwtIssuer(JWT, Clock.systemUTC()), properties);
	}

	@AfterEach
	void close() {
		this.portal.close();
	}

	@Test
	void signUpConfirmAndSignIn() {
		String email = unique("new");
		SignUpOutcome outcome = this.identity.signUp(email, PASSWORD, "New Person", "https://app.test/auth/confirm");
		assertThat(outcome.confirmationSent()).isTrue();
		assertThat(outcome.session()).isNull();
		assertThatExceptionOfType(IdentityException.class).isThrownBy(() -> this.identity.signIn(email, PASSWORD))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.EMAIL_NOT_CONFIRMED));
		Session confirmed = this.identity.confirmEmail(linkToken(email, "email_confirmation"));
		assertThat(JwtVerification.decoder(JWT).decode(confirmed.accessToken()).getSubject())
			.isEqualTo(confirmed.accountId().toString());
		Session session = this.identity.signIn(email.toUpperCase(), PASSWORD);
		assertThat(session.accountId()).isEqualTo(confirmed.accountId());
		assertThat(this.owner.sql("select password_hash from accounts where id = ?")
			.param(session.accountId())
			.query(String.class)
			.single()).startsWith("$2").doesNotContain(PASSWORD);
	}

	@Test
	void signUpWithARegisteredEmailLooksTheSameAndWarnsTheOwner() {
		String email = unique("taken");
		this.identity.signUp(email, PASSWORD, "First", "https://app.test/auth/confirm");
		SignUpOutcome second = this.identity.signUp(email, "another long password", "Second",
				"https://app.test/auth/confirm");
		assertThat(second).isEqualTo(new SignUpOutcome(null, true));
		assertThat(this.owner.sql("select count(*) from accounts where lower(email) = lower(?)")
			.param(email)
			.query(Long.class)
			.single()).isOne();
		assertThat(this.owner
			.sql("select count(*) from notification_outbox where recipient = ? and template = 'account_exists'")
			.param(email)
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void wrongPasswordAndUnknownEmailGetTheSameAnswer() {
		String email = confirmedAccount("known");
		IdentityException wrong = catchIdentity(() -> this.identity.signIn(email, "not the password at all"));
		IdentityException unknown = catchIdentity(() -> this.identity.signIn(unique("nobody"), PASSWORD));
		assertThat(wrong.kind()).isEqualTo(Kind.INVALID_CREDENTIALS);
		assertThat(unknown.kind()).isEqualTo(Kind.INVALID_CREDENTIALS);
		assertThat(wrong.getMessage()).isEqualTo(unknown.getMessage());
	}

	@Test
	void refusesWeakPasswordsAndMalformedEmails() {
		assertThat(catchIdentity(() -> this.identity.signUp(unique("weak"), "short", "", "https://x")).kind())
			.isEqualTo(Kind.INVALID_INPUT);
		assertThat(catchIdentity(() -> this.identity.signUp(unique("common"), "password123", "", "https://x")).kind())
			.isEqualTo(Kind.INVALID_INPUT);
		assertThat(catchIdentity(() -> this.identity.signUp("not-an-email", PASSWORD, "", "https://x")).kind())
			.isEqualTo(Kind.INVALID_INPUT);
	}

	@Test
	void refreshTokensAreSingleUse() {
		Session first = this.identity.signIn(confirmedAccount("refresh"), PASSWORD);
		Session second = this.identity.refresh(first.refreshToken());
		assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
		assertThat(catchIdentity(() -> this.identity.refresh(first.refreshToken())).kind())
			.isEqualTo(Kind.INVALID_TOKEN);
		this.identity.signOut(second);
		assertThat(catchIdentity(() -> this.identity.refresh(second.refreshToken())).kind())
			.isEqualTo(Kind.INVALID_TOKEN);
	}

	@Test
	void passwordResetByEmailLink() {
		String email = confirmedAccount("forgot");
		Session old = this.identity.signIn(email, PASSWORD);
		this.identity.sendPasswordReset(unique("stranger"), "https://app.test/auth/reset");
		this.identity.sendPasswordReset(email, "https://app.test/auth/reset");
		assertThat(this.owner.sql("select count(*) from notification_outbox where template = 'password_reset'")
			.query(Long.class)
			.single()).isOne();
		String token = linkToken(email, "password_reset");
		this.identity.resetPassword(token, "a brand new passphrase");
		assertThat(this.identity.signIn(email, "a brand new passphrase").accountId()).isEqualTo(old.accountId());
		assertThat(catchIdentity(() -> this.identity.signIn(email, PASSWORD)).kind())
			.isEqualTo(Kind.INVALID_CREDENTIALS);
		assertThat(catchIdentity(() -> this.identity.resetPassword(token, "yet another passphrase")).kind())
			.isEqualTo(Kind.INVALID_TOKEN);
		assertThat(catchIdentity(() -> this.identity.refresh(old.refreshToken())).kind()).isEqualTo(Kind.INVALID_TOKEN);
	}

	@Test
	void emailChangeWaitsForTheLinkSentToTheNewAddress() {
		String email = confirmedAccount("changer");
		Session session = this.identity.signIn(email, PASSWORD);
		String newEmail = unique("changed");
		this.identity.requestEmailChange(session, " " + newEmail + " ", "https://app.test/auth/email-change");
		assertThat(this.identity.signIn(email, PASSWORD).accountId()).isEqualTo(session.accountId());
		String token = linkToken(newEmail, "email_change");
		assertThat(OneTimeTokens.carried(token)).contains(newEmail);
		assertThat(catchIdentity(() -> this.identity.confirmEmail(token)).kind()).isEqualTo(Kind.INVALID_TOKEN);
		assertThat(this.identity.confirmEmailChange(token))
			.contains(new EmailChange(session.accountId(), email, newEmail));
		assertThat(this.identity.signIn(newEmail.toUpperCase(), PASSWORD).accountId()).isEqualTo(session.accountId());
		assertThat(catchIdentity(() -> this.identity.signIn(email, PASSWORD)).kind())
			.isEqualTo(Kind.INVALID_CREDENTIALS);
		assertThat(catchIdentity(() -> this.identity.confirmEmailChange(token)).kind()).isEqualTo(Kind.INVALID_TOKEN);
		assertThat(catchIdentity(() -> this.identity.confirmEmailChange("no-address-in-it")).kind())
			.isEqualTo(Kind.INVALID_TOKEN);
	}

	@Test
	void emailChangeToAnAddressTakenMeanwhileIsRefused() {
		String email = confirmedAccount("slow");
		Session session = this.identity.signIn(email, PASSWORD);
		String contested = unique("contested");
		this.identity.requestEmailChange(session, contested, "https://app.test/auth/email-change");
		String token = linkToken(contested, "email_change");
		this.owner.sql("insert into accounts (id, email) values (?, ?)")
			.params(UUID.randomUUID(), contested.toUpperCase())
			.update();
		assertThat(catchIdentity(() -> this.identity.confirmEmailChange(token)).kind()).isEqualTo(Kind.INVALID_INPUT);
		assertThat(this.identity.signIn(email, PASSWORD).accountId()).isEqualTo(session.accountId());
	}

	@Test
	void suspendedAccountsCannotSignIn() {
		String email = confirmedAccount("suspended");
		this.owner.sql("update accounts set status = 'suspended' where lower(email) = lower(?)").param(email).update();
		assertThat(catchIdentity(() -> this.identity.signIn(email, PASSWORD)).kind()).isEqualTo(Kind.ACCOUNT_DISABLED);
	}

	@Test
	void withoutEmailConfirmationSignUpSignsIn() {
		SignUpOutcome outcome = provider(false).signUp(unique("instant"), PASSWORD, "Instant", "https://x");
		assertThat(outcome.confirmationSent()).isFalse();
		assertThat(outcome.session().accessToken()).isNotBlank();
	}

	private String confirmedAccount(String name) {
		String email = unique(name);
		this.identity.signUp(email, PASSWORD, name, "https://app.test/auth/confirm");
		this.identity.confirmEmail(linkToken(email, "email_confirmation"));
		return email;
	}

	private String linkToken(String email, String template) {
		String link = this.owner
			.sql("select params->>'link' from notification_outbox where recipient = ? and template = ? "
					+ "order by created_at desc limit 1")
			.params(email, template)
			.query(String.class)
			.single();
		return link.substring(link.indexOf("token=") + 6);
	}

	private static String unique(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
	}

	private static IdentityException catchIdentity(Runnable action) {
		try {
			action.run();
		}
		catch (IdentityException ex) {
			return ex;
		}
		throw new AssertionError("Expected an IdentityException");
	}

}
