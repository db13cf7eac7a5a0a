package com.mindroom.portal;

import java.util.Map;

import com.github.tomakehurst.wiremock.junit.Stubbing;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.mindroom.portal.PortalClient.Response;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Steps the portal's integration tests share: signing in through the page or the API.
 */
final class PortalTestSupport {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private PortalTestSupport() {
	}

	static PortalClient signedIn(int port, Seeds.Account account) {
		PortalClient client = new PortalClient(port);
		client.get("/auth/login");
		Response response = client.post("/auth/login", Map.of("email", account.email(), "password", Seeds.PASSWORD));
		assertThat(response.status()).as(response.body()).isEqualTo(302);
		return client;
	}

	static String token(int port, Seeds.Account account) {
		Response response = new PortalClient(port).api("POST", "/api/v1/auth/token", null,
				"{\"email\":\"" + account.email() + "\",\"password\":\"" + Seeds.PASSWORD + "\"}");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return json(response).path("access_token").asString();
	}

	/**
	 * Stubs Stripe's list of a customer's Checkout Sessions as empty (what checkout looks
	 * at before it creates one).
	 * @param stripe Stripe at the wire
	 */
	static void noCheckoutSessions(Stubbing stripe) {
		stripe.stubFor(get(urlPathEqualTo("/v1/checkout/sessions")).willReturn(okJson(checkoutSessions())));
	}

	/**
	 * A Stripe list of Checkout Sessions.
	 * @param sessions the sessions, as JSON objects
	 * @return the list's JSON
	 */
	static String checkoutSessions(String... sessions) {
		return "{\"object\":\"list\",\"url\":\"/v1/checkout/sessions\",\"has_more\":false,\"data\":["
				+ String.join(",", sessions) + "]}";
	}

	static JsonNode json(Response response) {
		return JSON.readTree(response.body());
	}

}
