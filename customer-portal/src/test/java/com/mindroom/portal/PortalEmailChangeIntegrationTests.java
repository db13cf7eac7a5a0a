package com.mindroom.portal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.mindroom.common.test.FreshDatabase;
import com.mindroom.common.test.TestDatabase;
import com.mindroom.portal.PortalClient.Response;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Changing the email address from Settings with the built-in identity: the new address
 * and the current password, a link to the new address and a notice to the old one, no
 * change before the link is used, then the account, its sign-in and its Stripe customer
 * (Stripe at the wire) all move to the new address; audited without the token.
 */
@FreshDatabase
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "mindroom.stripe.secret-key=sk_test_portal", "mindroom.portal.public-url=https://portal.test" })
@Import(PortalApiIntegrationTests.FastHashing.class)
class PortalEmailChangeIntegrationTests {

	@RegisterExtension
	static final WireMockExtension stripe = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	@LocalServerPort
	private int port;

	@Autowired
	private TestDatabase database;

	@DynamicPropertySource
	static void stripeAtTheWire(DynamicPropertyRegistry registry) {
		registry.add("mindroom.stripe.api-base", stripe::baseUrl);
	}

	@BeforeEach
	void stubStripe() {
		stripe.stubFor(post(urlPathMatching("/v1/customers/cus_.*"))
			.willReturn(okJson("{\"id\":\"cus_mover\",\"object\":\"customer\"}")));
	}

	@Test
	void theAddressChangesOnlyOnceTheLinkSentToItIsUsed() {
		Seeds.Account account = seeds().account("mover");
		seeds().jdbc()
			.sql("update mindroom.accounts set stripe_customer_id = 'cus_mover' where id = ?")
			.param(account.id())
			.update();
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
		stripe.verify(0, postRequestedFor(urlPathEqualTo("/v1/customers/cus_mover")));

		Response confirmed = mail.post("/auth/email-change", Map.of("token", token(link)));
		assertThat(confirmed.status()).isEqualTo(200);
		assertThat(confirmed.body()).contains("Your email address is now", newEmail);
		assertThat(emailOf(account)).isEqualTo(newEmail);
		assertThat(stripe.findAll(postRequestedFor(urlPathEqualTo("/v1/customers/cus_mover")))
			.stream()
			.map((request) -> URLDecoder.decode(request.getBodyAsString(), StandardCharsets.UTF_8))
			.toList()).containsExactly("email=" + newEmail);
		assertThat(seeds().count(
				"select count(*) from mindroom.audit_log where account_id = ? and action = "
						+ "'account.email_changed' and detail ->> 'previous_email' = ? and detail ->> 'new_email' = ? "
						+ "and (detail ->> 'stripe_customer_updated')::boolean",
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
		stripe.verify(0, postRequestedFor(urlPathMatching("/v1/customers/.*")));
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
