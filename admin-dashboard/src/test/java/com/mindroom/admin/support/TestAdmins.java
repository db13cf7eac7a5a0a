package com.mindroom.admin.support;

import java.time.Clock;
import java.util.UUID;

import javax.sql.DataSource;

import com.mindroom.admin.totp.Totp;
import com.mindroom.common.security.SecretBox;
import com.mindroom.common.test.TestData;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Seeds dashboard users with a known password and, for admins, a known TOTP secret, and
 * makes their codes.
 */
public final class TestAdmins {

	public static final String ENCRYPTION_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

	public static final String JWT_SECRET = "test-jwt-secret-at-least-thirty-two-bytes-long";

	public static final String PASSWORD = "correct horse battery staple";

	private static final String HASH = new BCryptPasswordEncoder(4).encode(PASSWORD);

	private final TestData data;

	private final JdbcClient jdbc;

	private final SecretBox box = new SecretBox(ENCRYPTION_KEY);

	private final Totp totp = new Totp(Clock.systemUTC());

	public TestAdmins(DataSource ownerDataSource) {
		this.data = new TestData(ownerDataSource);
		this.jdbc = this.data.jdbc();
	}

	public TestData data() {
		return this.data;
	}

	public JdbcClient jdbc() {
		return this.jdbc;
	}

	/**
	 * An admin with an enrolled second factor.
	 * @param name the name the email is made from
	 * @return the admin
	 */
	public User admin(String name) {
		User user = customer(name);
		byte[] secret = this.totp.newSecret();
		this.jdbc.sql("""
				update mindroom.accounts set is_admin = true, admin_totp_secret_enc = ?, admin_totp_enrolled_at = now()
				where id = ?
				""").params(this.box.seal(secret), user.id()).update();
		return new User(user.id(), user.email(), secret);
	}

	/**
	 * An admin who has not enrolled a second factor yet.
	 * @param name the name the email is made from
	 * @return the admin
	 */
	public User unenrolledAdmin(String name) {
		User user = customer(name);
		this.jdbc.sql("update mindroom.accounts set is_admin = true where id = ?").param(user.id()).update();
		return user;
	}

	/**
	 * A customer (not an admin) who can sign in.
	 * @param name the name the email is made from
	 * @return the customer
	 */
	public User customer(String name) {
		UUID id = this.data.account(name);
		this.jdbc.sql("update mindroom.accounts set password_hash = ?, email_verified_at = now() where id = ?")
			.params(HASH, id)
			.update();
		String email = this.jdbc.sql("select email from mindroom.accounts where id = ?")
			.param(id)
			.query(String.class)
			.single();
		return new User(id, email, null);
	}

	/**
	 * A code the admin's app would show now, usable even if a code of this step was used
	 * before (the replay guard is reset).
	 * @param user the admin
	 * @return the code
	 */
	public String freshCode(User user) {
		this.jdbc.sql("update mindroom.accounts set admin_totp_last_step = null where id = ?")
			.param(user.id())
			.update();
		return code(user.secret());
	}

	public String code(byte[] secret) {
		return this.totp.code(secret, this.totp.currentStep());
	}

	/**
	 * A seeded user.
	 *
	 * @param id the account id
	 * @param email the email
	 * @param secret the TOTP secret, for admins
	 */
	public record User(UUID id, String email, byte[] secret) {

	}

}
