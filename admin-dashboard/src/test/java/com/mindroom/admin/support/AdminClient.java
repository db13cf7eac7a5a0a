package com.mindroom.admin.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.mindroom.admin.support.TestAdmins.User;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser-like HTTP client for the dashboard: keeps its session cookie, finds the CSRF
 * token on a page, follows no redirects (tests look at them), and can pose as a client
 * behind the gateway ({@code X-Forwarded-For}).
 */
public final class AdminClient {

	public static final String SESSION_COOKIE = "MINDROOM_ADMIN_SESSION";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String base;

	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

	private final HttpClient http;

	private String forwardedFor;

	public AdminClient(int port) {
		this.base = "http://localhost:" + port;
		this.http = HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	public AdminClient forwardedFor(String address) {
		this.forwardedFor = address;
		return this;
	}

	public Response get(String path) {
		return send(request(path).GET().build());
	}

	public Response post(String path, Map<String, String> form) {
		Map<String, String> withToken = new LinkedHashMap<>(form);
		withToken.put("_csrf", csrfToken());
		return postWithoutCsrf(path, withToken);
	}

	public Response postWithoutCsrf(String path, Map<String, String> form) {
		String body = form.entrySet()
			.stream()
			.map((entry) -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
			.collect(Collectors.joining("&"));
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	public Response postJson(String path, String json) {
		return send(request(path).header("Content-Type", "application/json")
			.header("X-CSRF-TOKEN", csrfToken())
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	public Response postJsonWithoutCsrf(String path, String json) {
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	/**
	 * Finds this session's CSRF token on a page that has a form.
	 * @return the token
	 */
	public String csrfToken() {
		Response page = get("/admin/login");
		if (page.status() == 302) {
			page = get("/admin");
		}
		Matcher matcher = CSRF.matcher(page.body());
		assertThat(matcher.find()).as("a CSRF token on the page").isTrue();
		return matcher.group(1);
	}

	public String sessionId() {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> SESSION_COOKIE.equals(cookie.getName()))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	/**
	 * Gives email and password.
	 * @param email the email
	 * @param password the password
	 * @return the answer
	 */
	public Response password(String email, String password) {
		return post("/admin/login", Map.of("email", email, "password", password));
	}

	/**
	 * Signs in with both factors.
	 * @param admins the seeded users
	 * @param admin the admin
	 * @return this client
	 */
	public AdminClient signIn(TestAdmins admins, User admin) {
		assertThat(password(admin.email(), TestAdmins.PASSWORD).location()).endsWith("/admin/login/totp");
		assertThat(post("/admin/login/totp", Map.of("code", admins.freshCode(admin))).location()).endsWith("/admin");
		return this;
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.base + path))
			.header("User-Agent", "AdminClient");
		if (this.forwardedFor != null) {
			builder.header("X-Forwarded-For", this.forwardedFor);
		}
		return builder;
	}

	private Response send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(), response.headers());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/**
	 * An answer.
	 *
	 * @param status the status code
	 * @param body the body
	 * @param headers the headers
	 */
	public record Response(int status, String body, HttpHeaders headers) {

		public String location() {
			return this.headers.firstValue("Location").orElse("");
		}

		public String header(String name) {
			return this.headers.firstValue(name).orElse("");
		}

	}

}
