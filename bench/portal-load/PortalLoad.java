import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load for the customer portal benchmark: signs up N users (each with a browser session, the
 * Free plan's instance and an API token), then has N concurrent users request the dashboard
 * page, GET /api/v1/instance and /actuator/health (the baseline) in turn, each for a fixed
 * time after a warm-up, and prints a Markdown table. Every request loop is bounded in time and
 * talks only to the given local address.
 *
 * Usage: java PortalLoad.java http://127.0.0.1:18981 [users] [seconds] [warmup seconds]
 */
public class PortalLoad {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");

	public static void main(String[] args) throws Exception {
		String base = args[0];
		if (!URI.create(base).getHost().matches("127\\.0\\.0\\.1|localhost")) {
			throw new IllegalArgumentException("Only a local portal may be loaded");
		}
		int users = (args.length > 1) ? Integer.parseInt(args[1]) : 50;
		int seconds = (args.length > 2) ? Integer.parseInt(args[2]) : 20;
		int warmup = (args.length > 3) ? Integer.parseInt(args[3]) : 10;
		List<User> signedIn = new ArrayList<>();
		for (int i = 0; i < users; i++) {
			signedIn.add(User.signUp(base, i));
		}
		System.err.printf("%d users signed up, each with a session, an instance and a token%n", users);
		Target health = new Target("GET /actuator/health (baseline)",
				(i) -> HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(), signedIn, false);
		Target dashboard = new Target("GET /app (dashboard page, signed in)",
				(i) -> HttpRequest.newBuilder(URI.create(base + "/app")).header("Accept", "text/html").build(), signedIn,
				true);
		Target api = new Target("GET /api/v1/instance (bearer token)",
				(i) -> HttpRequest.newBuilder(URI.create(base + "/api/v1/instance"))
					.header("Authorization", "Bearer " + signedIn.get(i).token)
					.build(),
				signedIn, false);
		for (Target target : List.of(health, dashboard, api)) {
			target.run(warmup);
		}
		List<Result> results = new ArrayList<>();
		for (Target target : List.of(health, dashboard, api)) {
			results.add(target.run(seconds));
		}
		Result baseline = results.get(0);
		System.out.printf("| endpoint | requests | errors | req/s | p50 ms | p99 ms | req/s vs health | p50 vs health |%n");
		System.out.printf("|---|---|---|---|---|---|---|---|%n");
		for (Result result : results) {
			System.out.printf(Locale.ROOT, "| %s | %d | %d | %.0f | %.2f | %.2f | %.2f | %.1fx |%n", result.name,
					result.count, result.errors, result.rate, result.p50, result.p99, result.rate / baseline.rate,
					result.p50 / baseline.p50);
		}
	}

	/** One signed-up customer: a cookie jar holding the browser session, and an API token. */
	static final class User {

		final HttpClient http;

		final HttpClient bare = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

		final String token;

		User(HttpClient http, String token) {
			this.http = http;
			this.token = token;
		}

		static User signUp(String base, int index) throws Exception {
			HttpClient http = HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.cookieHandler(new CookieManager())
				.followRedirects(HttpClient.Redirect.NEVER)
				.connectTimeout(Duration.ofSeconds(5))
				.build();
			String email = "bench" + index + "-" + System.nanoTime() + "@example.com";
			String password = "bench-password-" + index + "-long";
			String csrf = csrf(http.send(get(base + "/auth/signup"), HttpResponse.BodyHandlers.ofString()).body());
			HttpResponse<String> signedUp = http.send(form(base + "/auth/signup", "_csrf", csrf, "name",
					"Bench " + index, "email", email, "password", password, "terms", "true"),
					HttpResponse.BodyHandlers.ofString());
			if (signedUp.statusCode() != 302) {
				throw new IllegalStateException("Sign-up failed (run with MINDROOM_EMAIL_CONFIRMATION=false): "
						+ signedUp.statusCode());
			}
			csrf = csrf(http.send(get(base + "/app"), HttpResponse.BodyHandlers.ofString()).body());
			http.send(form(base + "/app/billing/checkout", "_csrf", csrf, "plan", "free"),
					HttpResponse.BodyHandlers.discarding());
			String json = "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
			HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json))
				.build(), HttpResponse.BodyHandlers.ofString());
			Matcher matcher = TOKEN.matcher(token.body());
			if (!matcher.find()) {
				throw new IllegalStateException("No token: " + token.statusCode());
			}
			return new User(http, matcher.group(1));
		}

		private static String csrf(String html) {
			Matcher matcher = CSRF.matcher(html);
			if (!matcher.find()) {
				throw new IllegalStateException("No CSRF token on the page");
			}
			return matcher.group(1);
		}

		private static HttpRequest get(String url) {
			return HttpRequest.newBuilder(URI.create(url)).build();
		}

		private static HttpRequest form(String url, String... pairs) {
			StringBuilder body = new StringBuilder();
			for (int i = 0; i < pairs.length; i += 2) {
				body.append((i > 0) ? "&" : "")
					.append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8))
					.append('=')
					.append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
			}
			return HttpRequest.newBuilder(URI.create(url))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
				.build();
		}

	}

	/** One endpoint requested by every user in a closed loop (one request in flight per user). */
	static final class Target {

		final String name;

		final IntFunction<HttpRequest> request;

		final List<User> users;

		final boolean withSession;

		Target(String name, IntFunction<HttpRequest> request, List<User> users, boolean withSession) {
			this.name = name;
			this.request = request;
			this.users = users;
			this.withSession = withSession;
		}

		Result run(int seconds) throws InterruptedException {
			long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
			List<long[]> perUser = new ArrayList<>();
			AtomicLong errors = new AtomicLong();
			CountDownLatch done = new CountDownLatch(this.users.size());
			long started = System.nanoTime();
			for (int i = 0; i < this.users.size(); i++) {
				long[] samples = new long[200_000];
				perUser.add(samples);
				int index = i;
				Thread thread = new Thread(() -> {
					int n = 0;
					while (System.nanoTime() < end && n < samples.length - 1) {
						long t0 = System.nanoTime();
						try {
							User user = this.users.get(index);
							HttpResponse<Void> response = (this.withSession ? user.http : user.bare).send(this.request.apply(index),
									HttpResponse.BodyHandlers.discarding());
							if (response.statusCode() != 200) {
								errors.incrementAndGet();
							}
						}
						catch (Exception ex) {
							errors.incrementAndGet();
						}
						samples[++n] = System.nanoTime() - t0;
					}
					samples[0] = n;
					done.countDown();
				});
				thread.start();
			}
			done.await();
			double elapsed = (System.nanoTime() - started) / 1e9;
			int total = perUser.stream().mapToInt((s) -> (int) s[0]).sum();
			long[] all = new long[total];
			int k = 0;
			for (long[] samples : perUser) {
				System.arraycopy(samples, 1, all, k, (int) samples[0]);
				k += (int) samples[0];
			}
			Arrays.sort(all);
			return new Result(this.name, total, errors.get(), total / elapsed, percentile(all, 0.50),
					percentile(all, 0.99));
		}

		private static double percentile(long[] sorted, double p) {
			return (sorted.length == 0) ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
		}

	}

	record Result(String name, long count, long errors, double rate, double p50, double p99) {
	}

}
