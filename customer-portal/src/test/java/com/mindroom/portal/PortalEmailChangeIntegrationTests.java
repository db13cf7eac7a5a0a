package com.mindroom.portal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.mindroom.common.test.FreshDatabase;
import com.mindroom.common.test.TestDatabase;
import com.mindroom.portal.PortalClient.Response;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Changing the email address from Settings with the built-in identity: the new address
 * and the current password, a link to the new address and a notice to the old one, no
 * change before the link is used, then the account and its sign-in move to the new
 * address and the update of its Stripe customer is queued for the stripe-handler (one job
 * per account, queued with the portal's own database role, which may only insert jobs);
 * audited without the token.
 */
@FreshDatabase
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "mindroom.portal.public-url=https://portal.test")
@Import(PortalApiIntegrationTests.FastHashing.class)
class PortalEmailChangeIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private TestDatabase database;

	@Test
	void theAddressChangesOnlyOnceTheLinkSentToItIsUsed() {
		Seeds.Account account = seeds().account("mover");
		linkStripeCustomer(account);
		String newEmail = unique("Moved");
		PortalClient client = PortalTestSupport.signedIn(this.port, account);
		client.get("/app/settings");
		client.post("/app/settings/email", Map.of("email", " " + newEmail + " ", "current", Seeds.PASSWORD));
		assertThat(client.get("/app/settings").body()).contains("We sent a confirmation link to " + newEmail);
		assertThat(emailOf(account)).isEqualTo(account.email());
		assertThat(seeds().link(newEmail, "email_change")).startsWith("https://portal.test/auth/email-change?token=");
		assertThat(seeds().count(
				"select count(*) from mindroom.notification_outbox where recipient = ? "
						+ "and template = 'email_change_requested' and params ->> 'new_email' = ?",
				account.email(), newEmail))
			.isOne();
		String link = path(seeds().link(newEmail, "email_change"));
		PortalClient mail = new PortalClient(this.port);
		assertThat(mail.get(link).body()).contains("Confirm the new address");
		assertThat(emailOf(account)).isEqualTo(account.email());
		assertThat(stripeEmailJobs(account)).isZero();

		Response confirmed = mail.post("/auth/email-change", Map.of("token", token(link)));
		assertThat(confirmed.status()).isEqualTo(200);
		assertThat(confirmed.body()).contains("Your email address is now", newEmail);
		assertThat(emailOf(account)).isEqualTo(newEmail);
		assertThat(queuedStripeEmailJobs(account)).isOne();
		assertThat(seeds().count(
				"select count(*) from mindroom.audit_log where account_id = ? and action = "
						+ "'account.email_changed' and detail ->> 'previous_email' = ? and detail ->> 'new_email' = ? "
						+ "and detail ->> 'stripe_customer_update' = 'queued'",
				account.id(), account.email(), newEmail))
			.isOne();
		assertThat(seeds().count("select count(*) from mindroom.audit_log where account_id = ? "
				+ "and action like 'account.email_change%' and (detail::text like ? or detail::text like '%token%')",
				account.id(), "%" + token(link) + "%"))
			.isZero();

		PortalTestSupport.signedIn(this.port, new Seeds.Account(account.id(), newEmail));
		PortalClient old = new PortalClient(this.port);
		old.get("/auth/login");
		assertThat(old.post("/auth/login", Map.of("email", account.email(), "password", Seeds.PASSWORD)).status())
			.isEqualTo(400);
		// the session signed in under the old address goes on, and knows the new one
		assertThat(client.get("/app/settings").body()).contains(newEmail);
		client.post("/app/settings/password", Map.of("current", Seeds.PASSWORD, "password", "another-long-one"));
		assertThat(client.get("/app/settings").body()).contains("Your password was changed.");

		PortalClient again = new PortalClient(this.port);
		again.get(link);
		Response refused = again.post("/auth/email-change", Map.of("token", token(link)));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("This link is invalid or has expired.");
		assertThat(stripeEmailJobs(account)).isOne();
	}

	@Test
	void repeatedChangesJoinTheOneQueuedStripeUpdate() {
		Seeds.Account account = seeds().account("restless");
		linkStripeCustomer(account);
		PortalClient client = PortalTestSupport.signedIn(this.port, account);
		String first = unique("first");
		changeEmail(client, first);
		String second = unique("second");
		changeEmail(client, second);
		assertThat(emailOf(account)).isEqualTo(second);
		assertThat(queuedStripeEmailJobs(account)).isOne();
		assertThat(stripeEmailJobs(account)).isOne();
		assertThat(seeds().count(
				"select count(*) from mindroom.audit_log where account_id = ? "
						+ "and action = 'account.email_changed' and detail ->> 'stripe_customer_update' = 'queued'",
				account.id()))
			.isEqualTo(2);
		seeds().jdbc()
			.sql("update mindroom.jobs set status = 'succeeded', finished_at = now() where requested_by = ?")
			.param(account.id())
			.update();
		changeEmail(client, unique("third"));
		assertThat(queuedStripeEmailJobs(account)).isOne();
		assertThat(stripeEmailJobs(account)).isEqualTo(2);
	}

	@Test
	void anAccountWithoutAStripeCustomerQueuesNoStripeUpdate() {
		Seeds.Account account = seeds().account("freebie");
		PortalClient client = PortalTestSupport.signedIn(this.port, account);
		String newEmail = unique("free");
		changeEmail(client, newEmail);
		assertThat(emailOf(account)).isEqualTo(newEmail);
		assertThat(stripeEmailJobs(account)).isZero();
		assertThat(seeds().count("select count(*) from mindroom.audit_log where account_id = ? "
				+ "and action = 'account.email_changed' and detail ->> 'stripe_customer_update' = 'no_stripe_customer'",
				account.id()))
			.isOne();
	}

	@Test
	void wrongPasswordTakenAndInvalidAddressesChangeNothing() {
		Seeds.Account account = seeds().account("stayer");
		Seeds.Account other = seeds().account("owner");
		PortalClient client = PortalTestSupport.signedIn(this.port, account);
		assertRefused(client, unique("fresh"), "not-my-password", "Your current password is not correct.");
		assertRefused(client, other.email().toUpperCase(), Seeds.PASSWORD, "This email address is already in use.");
		assertRefused(client, "not-an-address", Seeds.PASSWORD, "Enter a valid email address.");
		assertRefused(client, account.email().toUpperCase(), Seeds.PASSWORD, "This is already your email address.");
		assertThat(emailOf(account)).isEqualTo(account.email());
		assertThat(seeds().count("select count(*) from mindroom.notification_outbox where account_id = ? "
				+ "and template like 'email_change%'", account.id()))
			.isZero();
		assertThat(seeds().count("select count(*) from mindroom.audit_log where account_id = ? "
				+ "and action like 'account.email_change%'", account.id()))
			.isZero();
	}

	@Test
	void expiredTamperedAndSupersededLinksAreRefused() {
		Seeds.Account account = seeds().account("late");
		PortalClient client = PortalTestSupport.signedIn(this.port, account);
		String first = unique("first");
		client.get("/app/settings");
		client.post("/app/settings/email", Map.of("email", first, "current", Seeds.PASSWORD));
		String firstToken = token(seeds().link(first, "email_change"));
		String second = unique("second");
		client.get("/app/settings");
		client.post("/app/settings/email", Map.of("email", second, "current", Seeds.PASSWORD));
		String secondToken = token(seeds().link(second, "email_change"));
		assertConfirmRefused(firstToken);
		String tampered = secondToken.substring(0, secondToken.indexOf('.') + 1) + Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(unique("thief").getBytes(StandardCharsets.UTF_8));
		assertConfirmRefused(tampered);
		seeds().jdbc()
			.sql("update mindroom.account_tokens set expires_at = now() - interval '1 minute' "
					+ "where account_id = ? and used_at is null")
			.param(account.id())
			.update();
		assertConfirmRefused(secondToken);
		assertThat(emailOf(account)).isEqualTo(account.email());
		assertThat(stripeEmailJobs(account)).isZero();
	}

	private void changeEmail(PortalClient client, String newEmail) {
		client.get("/app/settings");
		client.post("/app/settings/email", Map.of("email", newEmail, "current", Seeds.PASSWORD));
		String link = path(seeds().link(newEmail, "email_change"));
		PortalClient mail = new PortalClient(this.port);
		mail.get(link);
		assertThat(mail.post("/auth/email-change", Map.of("token", token(link))).status()).isEqualTo(200);
	}

	private void linkStripeCustomer(Seeds.Account account) {
		seeds().jdbc()
			.sql("update mindroom.accounts set stripe_customer_id = ? where id = ?")
			.params("cus_" + account.id().toString().substring(0, 8), account.id())
			.update();
	}

	private int stripeEmailJobs(Seeds.Account account) {
		return seeds().count("select count(*) from mindroom.jobs where kind = 'stripe.customer_email' "
				+ "and payload ->> 'account_id' = ?", account.id().toString());
	}

	private int queuedStripeEmailJobs(Seeds.Account account) {
		return seeds().count(
				"select count(*) from mindroom.jobs where kind = 'stripe.customer_email' "
						+ "and status = 'queued' and payload = jsonb_build_object('account_id', ?::text) "
						+ "and dedupe_key = 'stripe.customer_email:' || ? and requested_by = ?",
				account.id().toString(), account.id().toString(), account.id());
	}

	private void assertRefused(PortalClient client, String email, String password, String message) {
		client.get("/app/settings");
		Response response = client.post("/app/settings/email", Map.of("email", email, "current", password));
		assertThat(response.status()).isEqualTo(302);
		assertThat(client.get("/app/settings").body()).contains(message);
	}

	private void assertConfirmRefused(String token) {
		PortalClient mail = new PortalClient(this.port);
		mail.get("/auth/email-change?token=" + token);
		Response response = mail.post("/auth/email-change", Map.of("token", token));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body()).contains("This link is invalid or has expired.");
	}

	private String emailOf(Seeds.Account account) {
		return seeds().jdbc()
			.sql("select email from mindroom.accounts where id = ?")
			.param(account.id())
			.query(String.class)
			.single();
	}

	private Seeds seeds() {
		return new Seeds(this.database);
	}

	private static String path(String link) {
		return link.substring(link.indexOf("/auth/"));
	}

	private static String token(String link) {
		return link.substring(link.indexOf("token=") + 6);
	}

	private static String unique(String name) {
		return name + "+" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
	}

}
