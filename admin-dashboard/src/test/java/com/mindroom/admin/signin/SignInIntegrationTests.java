package com.mindroom.admin.signin;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mindroom.admin.operator.OperatorApplication;
import com.mindroom.admin.support.AdminClient;
import com.mindroom.admin.support.AdminClient.Response;
import com.mindroom.admin.support.AdminIntegrationTest;
import com.mindroom.admin.support.TestAdmins;
import com.mindroom.admin.support.TestAdmins.User;
import com.mindroom.common.test.TestDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.mindroom.admin.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Admin sign-in end to end: password, admin check, TOTP (with replay protection, lockout
 * and recovery codes), enrolment on first sign-in and by link, session fixation, CSRF,
 * sign-out, revocation, and the operator command; each security event audited.
 */
@AdminIntegrationTest
class SignInIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private TestDatabase database;

	private TestAdmins admins;

	@BeforeEach
	void seed() {
		this.admins = new TestAdmins(this.database.dataSource());
	}

	private AdminClient client() {
		return new AdminClient(this.port).forwardedFor("198.51.100.23");
	}

	@Test
	void signsInWithPasswordThenCodeUnderNewSessionIdsAndAuditsIt() {
		User admin = this.admins.admin("alice");
		AdminClient client = client();
		client.get("/admin/login");
		String anonymousSession = client.sessionId();
		assertThat(client.password(admin.email(), TestAdmins.PASSWORD).location()).endsWith("/admin/login/totp");
		String passwordSession = client.sessionId();
		assertThat(passwordSession).isNotNull().isNotEqualTo(anonymousSession);
		assertThat(client.get("/admin").location()).endsWith("/admin/login/totp");
		assertThat(client.post("/admin/login/totp", Map.of("code", this.admins.freshCode(admin))).location())
			.endsWith("/admin");
		assertThat(client.sessionId()).isNotEqualTo(passwordSession);
		assertThat(client.get("/admin").status()).isEqualTo(200);
		assertThat(audit("admin.sign_in", admin, "success")).isEqualTo(1);
		assertThat(this.admins.jdbc()
			.sql("select host(ip) from mindroom.audit_log where action = 'admin.sign_in' and actor_id = ?")
			.param(admin.id())
			.query(String.class)
			.single()).isEqualTo("198.51.100.23");
	}

	@Test
	void sessionCookieIsHttpOnlyStrictAndIdleSessionsEndAfterThirtyMinutes() {
		User admin = this.admins.admin("cookie");
		AdminClient client = client();
		Response response = client.password(admin.email(), TestAdmins.PASSWORD);
		assertThat(response.headers().allValues("Set-Cookie"))
			.anySatisfy((cookie) -> assertThat(cookie).startsWith(AdminClient.SESSION_COOKIE + "=")
				.contains("HttpOnly")
				.contains("SameSite=Strict"));
		assertThat(this.admins.jdbc()
			.sql("select max_inactive_interval from mindroom.admin_spring_session where principal_name = ?")
			.param(admin.id().toString())
			.query(Integer.class)
			.single()).isEqualTo(1800);
	}

	@Test
	void refusesAWrongPasswordAndAuditsTheFailure() {
		User admin = this.admins.admin("bob");
		Response response = client().password(admin.email(), "not the password");
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.body()).contains("The email or password is incorrect.");
		assertThat(this.admins.jdbc()
			.sql("select count(*) from mindroom.audit_log where action = 'admin.sign_in' and outcome = 'failure' "
					+ "and actor_type = 'anonymous' and actor_email = ?")
			.param(admin.email())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void locksAnEmailOutAfterRepeatedFailuresEvenWithTheRightPassword() {
		User admin = this.admins.admin("locked");
		AdminClient client = client();
		for (int i = 0; i < 5; i++) {
			client.password(admin.email(), "wrong password " + i);
		}
		Response response = client.password(admin.email(), TestAdmins.PASSWORD);
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.body()).contains("Too many failed attempts");
		assertThat(audit("admin.sign_in", admin.email(), "denied")).isEqualTo(1);
	}

	@Test
	void aCustomerWhoSignsInGetsForbiddenEverywhere() {
		User customer = this.admins.customer("carol");
		AdminClient client = client();
		assertThat(client.password(customer.email(), TestAdmins.PASSWORD).location()).endsWith("/admin");
		Response page = client.get("/admin");
		assertThat(page.status()).isEqualTo(403);
		assertThat(page.body()).contains("is not an administrator");
		assertThat(client.get("/api/admin/metrics").status()).isEqualTo(403);
		assertThat(audit("admin.sign_in", customer, "denied")).isEqualTo(1);
	}

	@Test
	void refusesAWrongCodeAndACodeUsedBefore() {
		User admin = this.admins.admin("dave");
		AdminClient client = client();
		client.password(admin.email(), TestAdmins.PASSWORD);
		Response wrong = client.post("/admin/login/totp",
				Map.of("code", "000000".equals(this.admins.code(admin.secret())) ? "111111" : "000000"));
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(audit("admin.totp_failed", admin, "failure")).isEqualTo(1);
		String code = this.admins.freshCode(admin);
		assertThat(client.post("/admin/login/totp", Map.of("code", code)).location()).endsWith("/admin");
		AdminClient other = client();
		other.password(admin.email(), TestAdmins.PASSWORD);
		Response replay = other.post("/admin/login/totp", Map.of("code", code));
		assertThat(replay.status()).isEqualTo(401);
		assertThat(other.get("/admin").location()).endsWith("/admin/login/totp");
	}

	@Test
	void aRecoveryCodeSignsInOnce() {
		User admin = this.admins.unenrolledAdmin("erin");
		AdminClient client = client();
		client.password(admin.email(), TestAdmins.PASSWORD);
		Response enrol = client.get("/admin/enrol");
		byte[] secret = secretOn(enrol.body());
		Response codes = client.post("/admin/enrol", Map.of("code", this.admins.code(secret)));
		String recovery = firstRecoveryCode(codes.body());
		client.post("/admin/logout", Map.of());
		AdminClient next = client();
		next.password(admin.email(), TestAdmins.PASSWORD);
		assertThat(next.post("/admin/login/recovery", Map.of("code", recovery)).location()).endsWith("/admin");
		assertThat(audit("admin.recovery_code_used", admin, "success")).isEqualTo(1);
		AdminClient again = client();
		again.password(admin.email(), TestAdmins.PASSWORD);
		assertThat(again.post("/admin/login/recovery", Map.of("code", recovery)).status()).isEqualTo(401);
	}

	@Test
	void anAdminWithoutASecondFactorEnrolsAtFirstSignInWithQrCodeAndRecoveryCodes() {
		User admin = this.admins.unenrolledAdmin("frank");
		AdminClient client = client();
		assertThat(client.password(admin.email(), TestAdmins.PASSWORD).location()).endsWith("/admin/enrol");
		assertThat(client.get("/admin").location()).endsWith("/admin/login/totp");
		assertThat(client.get("/admin/login/totp").location()).endsWith("/admin/enrol");
		Response page = client.get("/admin/enrol");
		assertThat(page.body()).contains("<svg").contains("QR code");
		byte[] secret = secretOn(page.body());
		assertThat(client.post("/admin/enrol", Map.of("code", "12345x")).status()).isEqualTo(401);
		Response done = client.post("/admin/enrol", Map.of("code", this.admins.code(secret)));
		assertThat(done.status()).isEqualTo(200);
		assertThat(Pattern.compile("[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}").matcher(done.body()).results())
			.hasSize(10);
		assertThat(client.get("/admin").status()).isEqualTo(200);
		assertThat(audit("admin.totp_enrolled", admin, "success")).isEqualTo(1);
		assertThat(this.admins.jdbc()
			.sql("select count(*) from mindroom.admin_recovery_codes where account_id = ? and length(code_hash) = 64")
			.param(admin.id())
			.query(Long.class)
			.single()).isEqualTo(10);
		assertThat(this.admins.jdbc()
			.sql("select admin_totp_secret_enc from mindroom.accounts where id = ?")
			.param(admin.id())
			.query(byte[].class)
			.single()).isNotEqualTo(secret);
	}

	@Test
	void postsWithoutACsrfTokenAreRefused() {
		User admin = this.admins.admin("gina");
		AdminClient client = client();
		Response login = client.postWithoutCsrf("/admin/login",
				Map.of("email", admin.email(), "password", TestAdmins.PASSWORD));
		assertThat(login.status()).isEqualTo(403);
		assertThat(login.body()).contains("Reload the page");
		client.signIn(this.admins, admin);
		assertProblem(client.postJsonWithoutCsrf("/api/admin/instances/retry-failed", "{}"), 403, "csrf");
		assertThat(client.postJson("/api/admin/instances/retry-failed", "{}").status()).isEqualTo(200);
	}

	@Test
	void signingOutEndsTheSessionAndIsAudited() {
		User admin = this.admins.admin("hank");
		AdminClient client = client().signIn(this.admins, admin);
		assertThat(client.post("/admin/logout", Map.of()).location()).endsWith("/admin/login?signedOut");
		assertThat(client.get("/admin").location()).endsWith("/admin/login");
		assertThat(audit("admin.sign_out", admin, "success")).isEqualTo(1);
	}

	@Test
	void anAdminWhoseRightsAreRevokedIsSignedOutAtTheNextRequest() {
		User admin = this.admins.admin("ivan");
		AdminClient client = client().signIn(this.admins, admin);
		this.admins.jdbc().sql("update mindroom.accounts set is_admin = false where id = ?").param(admin.id()).update();
		assertThat(client.get("/admin").location()).endsWith("/admin/login");
		assertThat(client.get("/api/admin/metrics").status()).isEqualTo(401);
	}

	@Test
	void operatorCommandCreatesAnAdminWhoEnrolsByLinkAndSignsIn() {
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		int exit = OperatorApplication.run(
				new String[] { "create-admin", "--email=ops@example.com",
						"--spring.datasource.url=" + this.database.jdbcUrl(),
						"--spring.datasource.username=" + this.database.username(),
						"--mindroom.security.encryption-key=" + TestAdmins.ENCRYPTION_KEY,
						"--mindroom.security.jwt.secret=" + TestAdmins.JWT_SECRET,
						"--mindroom.admin.public-base-url=https://cloud.example.com" },
				new PrintStream(output, true, StandardCharsets.UTF_8));
		String printed = output.toString(StandardCharsets.UTF_8);
		assertThat(exit).isZero();
		String password = value(printed, "admin-password");
		String link = value(printed, "enrolment-link");
		assertThat(link).startsWith("https://cloud.example.com/admin/enrol?token=");
		assertThat(this.admins.jdbc()
			.sql("select count(*) from mindroom.audit_log where actor_type = 'operator' and action = 'account.admin_granted'")
			.query(Long.class)
			.single()).isEqualTo(1);
		AdminClient client = client();
		String token = link.substring(link.indexOf("token=") + 6);
		assertThat(client.get("/admin/enrol?token=" + token).body()).contains("Start");
		assertThat(client.post("/admin/enrol/start", Map.of("token", token)).location()).endsWith("/admin/enrol");
		byte[] secret = secretOn(client.get("/admin/enrol").body());
		assertThat(client.post("/admin/enrol", Map.of("code", this.admins.code(secret))).body()).contains("Sign in");
		assertThat(client().post("/admin/enrol/start", Map.of("token", token)).status()).isEqualTo(400);
		AdminClient signIn = client();
		assertThat(signIn.password("ops@example.com", password).location()).endsWith("/admin/login/totp");
		this.admins.jdbc()
			.sql("update mindroom.accounts set admin_totp_last_step = null where email = 'ops@example.com'")
			.update();
		assertThat(signIn.post("/admin/login/totp", Map.of("code", this.admins.code(secret))).location())
			.endsWith("/admin");
		ByteArrayOutputStream again = new ByteArrayOutputStream();
		assertThat(OperatorApplication.run(
				new String[] { "create-admin", "--email=ops@example.com",
						"--spring.datasource.url=" + this.database.jdbcUrl(),
						"--spring.datasource.username=" + this.database.username(),
						"--mindroom.security.encryption-key=" + TestAdmins.ENCRYPTION_KEY,
						"--mindroom.security.jwt.secret=" + TestAdmins.JWT_SECRET },
				new PrintStream(again, true, StandardCharsets.UTF_8)))
			.isZero();
		assertThat(again.toString(StandardCharsets.UTF_8)).contains("already enrolled")
			.doesNotContain("admin-password");
	}

	private long audit(String action, User user, String outcome) {
		return this.admins.jdbc()
			.sql("select count(*) from mindroom.audit_log where action = ? and actor_id = ? and outcome = ?")
			.params(action, user.id(), outcome)
			.query(Long.class)
			.single();
	}

	private long audit(String action, String email, String outcome) {
		return this.admins.jdbc()
			.sql("select count(*) from mindroom.audit_log where action = ? and actor_email = ? and outcome = ?")
			.params(action, email, outcome)
			.query(Long.class)
			.single();
	}

	static byte[] secretOn(String enrolPage) {
		Matcher matcher = Pattern.compile("id=\"totp-secret\"[^>]*>([A-Z2-7 ]+)<").matcher(enrolPage);
		assertThat(matcher.find()).as("the secret on the enrolment page").isTrue();
		return new Base32().decode(matcher.group(1).replace(" ", ""));
	}

	private static String firstRecoveryCode(String page) {
		Matcher matcher = Pattern.compile("[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}").matcher(page);
		assertThat(matcher.find()).isTrue();
		return matcher.group();
	}

	private static String value(String printed, String key) {
		Matcher matcher = Pattern.compile("(?m)^" + key + ": (\\S+)$").matcher(printed);
		assertThat(matcher.find()).as(key + " in " + printed).isTrue();
		return matcher.group(1);
	}

}
