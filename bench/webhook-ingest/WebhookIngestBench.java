import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook ingest benchmark: N signed Stripe events from C concurrent senders against the running
 * stripe-handler, next to plain single-row JDBC insert-and-commit of the same payloads into the same
 * database (the baseline), both measured in this run. Each event is a customer.subscription.updated
 * for one of the seeded accounts, so every delivery is verified, stored and applied (subscription
 * row, instance, desired state) as in production. A third run, for reference, sends the same deliveries
 * signed with an unknown secret: what the handler's web stack costs without JSON or database work.
 *
 * Usage: java -cp postgresql.jar WebhookIngestBench.java URL JDBC_URL SECRET EVENTS CONCURRENCY ACCOUNTS
 */
public class WebhookIngestBench {

	public static void main(String[] args) throws Exception {
		String url = args[0];
		String jdbcUrl = args[1];
		String secret = args[2];
		int events = Integer.parseInt(args[3]);
		int concurrency = Integer.parseInt(args[4]);
		int accounts = Integer.parseInt(args[5]);
		long start = System.currentTimeMillis() / 1000 - 3600;
		Events generator = new Events(accounts, start);

		run("warm-up", concurrency, Math.max(2000, events / 5), (i) -> webhook(url, secret, generator.next()));
		try (Connection setup = DriverManager.getConnection(jdbcUrl)) {
			setup.createStatement().execute("create table if not exists bench_raw (id text primary key, payload jsonb not null)");
		}
		ThreadLocal<Connection> connections = ThreadLocal.withInitial(() -> connect(jdbcUrl));
		Result raw = run("raw JDBC insert-commit", concurrency, events,
				(i) -> insert(connections.get(), "evt_raw_" + UUID.randomUUID(), generator.next()));
		Result ingest = run("webhook ingest", concurrency, events, (i) -> webhook(url, secret, generator.next()));
		Result refused = run("refused for its signature (reference)", concurrency, events,
				(i) -> refused(url, generator.next()));

		System.out.printf(Locale.ROOT, "%n| run | events | senders | events/s | p50 (ms) | p99 (ms) | x raw rate |%n");
		System.out.printf("|---|---|---|---|---|---|---|%n");
		raw.print(raw.rate());
		ingest.print(raw.rate());
		refused.print(raw.rate());
	}

	private static Connection connect(String jdbcUrl) {
		try {
			Connection connection = DriverManager.getConnection(jdbcUrl);
			connection.setAutoCommit(true);
			return connection;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void insert(Connection connection, String id, String payload) throws Exception {
		try (PreparedStatement insert = connection
			.prepareStatement("insert into bench_raw (id, payload) values (?, cast(? as jsonb))")) {
			insert.setString(1, id);
			insert.setString(2, payload);
			insert.executeUpdate();
		}
	}

	/**
	 * One keep-alive HTTP/1.1 connection per sender thread, written and read by hand so the load
	 * generator spends as little as possible of the machine's two cores.
	 */
	private static final ThreadLocal<Sender> httpSenders = new ThreadLocal<>();

	private static final ThreadLocal<Sender> refusedSenders = new ThreadLocal<>();

	private static void webhook(String url, String secret, String payload) throws Exception {
		Sender sender = httpSenders.get();
		if (sender == null) {
			sender = new Sender(URI.create(url), secret, " 200 ", "\"processed\"");
			httpSenders.set(sender);
		}
		sender.deliver(payload);
	}

	/**
	 * The same delivery signed with a secret the handler does not know: the HTTP exchange,
	 * Spring MVC, the body read and the HMAC check, answered with a 400 problem, with no JSON
	 * parsing and no database. What the handler's web stack alone costs, as a reference for
	 * the ingest rate.
	 */
	private static void refused(String url, String payload) throws Exception {
		Sender sender = refusedSenders.get();
		if (sender == null) {
			sender = new Sender(URI.create(url), "whsec_not_the_handlers", " 400 ", "invalid-signature");
			refusedSenders.set(sender);
		}
		sender.deliver(payload);
	}

	static final class Sender {

		private final URI uri;

		private final Mac mac;

		private Socket socket;

		private OutputStream out;

		private InputStream in;

		private final String expectedStatus;

		private final String expectedBody;

		Sender(URI uri, String secret, String expectedStatus, String expectedBody) throws Exception {
			this.uri = uri;
			this.expectedStatus = expectedStatus;
			this.expectedBody = expectedBody;
			this.mac = Mac.getInstance("HmacSHA256");
			this.mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			connect();
		}

		private void connect() throws Exception {
			this.socket = new Socket(this.uri.getHost(), this.uri.getPort());
			this.socket.setTcpNoDelay(true);
			this.out = new BufferedOutputStream(this.socket.getOutputStream());
			this.in = new BufferedInputStream(this.socket.getInputStream());
		}

		void deliver(String payload) throws Exception {
			long t = System.currentTimeMillis() / 1000;
			String signature = HexFormat.of()
				.formatHex(this.mac.doFinal((t + "." + payload).getBytes(StandardCharsets.UTF_8)));
			byte[] body = payload.getBytes(StandardCharsets.UTF_8);
			String head = "POST " + this.uri.getPath() + " HTTP/1.1\r\nHost: " + this.uri.getHost() + ":"
					+ this.uri.getPort() + "\r\nContent-Type: application/json; charset=utf-8\r\nStripe-Signature: t="
					+ t + ",v1=" + signature + "\r\nContent-Length: " + body.length + "\r\n\r\n";
			this.out.write(head.getBytes(StandardCharsets.US_ASCII));
			this.out.write(body);
			this.out.flush();
			String status = line();
			int length = -1;
			boolean chunked = false;
			boolean close = false;
			for (String header = line(); !header.isEmpty(); header = line()) {
				if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
					length = Integer.parseInt(header.substring(15).trim());
				}
				chunked |= header.regionMatches(true, 0, "Transfer-Encoding: chunked", 0, 26);
				close |= header.regionMatches(true, 0, "Connection: close", 0, 17);
			}
			String response = chunked ? chunkedBody() : new String(this.in.readNBytes(length), StandardCharsets.UTF_8);
			if (close) {
				this.socket.close();
				connect();
			}
			if (!status.contains(this.expectedStatus) || !response.contains(this.expectedBody)) {
				throw new IllegalStateException("Delivery answered " + status + ": " + response);
			}
		}

		private String chunkedBody() throws Exception {
			StringBuilder body = new StringBuilder();
			for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(), 16)) {
				body.append(new String(this.in.readNBytes(size), StandardCharsets.UTF_8));
				line();
			}
			line();
			return body.toString();
		}

		private String line() throws Exception {
			StringBuilder line = new StringBuilder();
			for (int c = this.in.read(); c != '\n'; c = this.in.read()) {
				if (c < 0) {
					throw new IllegalStateException("Connection closed");
				}
				if (c != '\r') {
					line.append((char) c);
				}
			}
			return line.toString();
		}

	}

	interface Work {

		void run(int i) throws Exception;

	}

	record Result(String name, int events, int senders, double seconds, long[] latenciesNanos) {

		double rate() {
			return this.events / this.seconds;
		}

		double percentile(double p) {
			int index = (int) Math.ceil(p * this.latenciesNanos.length) - 1;
			return this.latenciesNanos[Math.max(0, index)] / 1_000_000.0;
		}

		void print(double baseline) {
			System.out.printf(Locale.ROOT, "| %s | %d | %d | %.0f | %.1f | %.1f | %.2f |%n", this.name, this.events,
					this.senders, rate(), percentile(0.50), percentile(0.99), rate() / baseline);
		}

	}

	private static Result run(String name, int concurrency, int count, Work work) throws Exception {
		long[] latencies = new long[count];
		AtomicInteger next = new AtomicInteger();
		ExecutorService senders = Executors.newFixedThreadPool(concurrency, (task) -> {
			Thread thread = new Thread(task);
			thread.setDaemon(true);
			return thread;
		});
		long begin = System.nanoTime();
		List<Future<?>> running = new ArrayList<>();
		for (int s = 0; s < concurrency; s++) {
			running.add(senders.submit(() -> {
				int i;
				while ((i = next.getAndIncrement()) < count) {
					long t0 = System.nanoTime();
					work.run(i);
					latencies[i] = System.nanoTime() - t0;
				}
				return null;
			}));
		}
		for (Future<?> sender : running) {
			sender.get();
		}
		double seconds = (System.nanoTime() - begin) / 1e9;
		senders.shutdown();
		Arrays.sort(latencies);
		Result result = new Result(name, count, concurrency, seconds, latencies);
		System.err.printf(Locale.ROOT, "%s: %d in %.1f s%n", name, count, seconds);
		return result;
	}

	/**
	 * customer.subscription.updated events, round-robin over the seeded accounts' subscriptions, each newer
	 * than the one before, in the shape of API version 2026-07-29.dahlia.
	 */
	static final class Events {

		private final int accounts;

		private final AtomicInteger sequence = new AtomicInteger();

		private final long start;

		Events(int accounts, long start) {
			this.accounts = accounts;
			this.start = start;
		}

		String next() {
			int n = this.sequence.getAndIncrement();
			int account = n % this.accounts;
			long created = this.start + n / 10;
			return EVENT.formatted("evt_bench_" + UUID.randomUUID().toString().replace("-", ""), created,
					"sub_bench_" + account, "cus_bench_" + account, created - 86400, created + 29 * 86400);
		}

	}

	private static final String EVENT = """
			{"id":"%1$s","object":"event","api_version":"2026-07-29.dahlia","created":%2$d,"livemode":false,\
			"pending_webhooks":1,"request":{"id":null,"idempotency_key":null},"type":"customer.subscription.updated",\
			"data":{"object":{"id":"%3$s","object":"subscription","application":null,"application_fee_percent":null,\
			"automatic_tax":{"disabled_reason":null,"enabled":false,"liability":null},"billing_cycle_anchor":1721954054,\
			"billing_mode":{"type":"classic"},"billing_thresholds":null,"cancel_at":null,"cancel_at_period_end":false,\
			"canceled_at":null,"cancellation_details":{"comment":null,"feedback":null,"reason":null},\
			"collection_method":"charge_automatically","created":1721954054,"currency":"usd","customer":"%4$s",\
			"days_until_due":null,"default_payment_method":"pm_1PgafmB7WZ01zgkW","default_source":null,\
			"default_tax_rates":[],"description":null,"discounts":[],"ended_at":null,\
			"invoice_settings":{"account_tax_ids":null,"issuer":{"type":"self"}},\
			"items":{"object":"list","data":[{"id":"si_QXhVnC2h0Jczwc","object":"subscription_item",\
			"billing_thresholds":null,"created":1721954054,"current_period_end":%6$d,"current_period_start":%5$d,\
			"discounts":[],"metadata":{},"plan":{"id":"price_starter_monthly","object":"plan","active":true,\
			"amount":2900,"amount_decimal":"2900","billing_scheme":"per_unit","created":1721948530,"currency":"usd",\
			"interval":"month","interval_count":1,"livemode":false,"metadata":{},"meter":null,"nickname":null,\
			"product":"prod_QXg1hqf4jFNsqG","tiers_mode":null,"transform_usage":null,"trial_period_days":null,\
			"usage_type":"licensed"},"price":{"id":"price_starter_monthly","object":"price","active":true,\
			"billing_scheme":"per_unit","created":1721948530,"currency":"usd","custom_unit_amount":null,\
			"livemode":false,"lookup_key":null,"metadata":{},"nickname":null,"product":"prod_QXg1hqf4jFNsqG",\
			"recurring":{"interval":"month","interval_count":1,"meter":null,"trial_period_days":null,\
			"usage_type":"licensed"},"tax_behavior":"unspecified","tiers_mode":null,"transform_quantity":null,\
			"type":"recurring","unit_amount":2900,"unit_amount_decimal":"2900"},"quantity":1,"subscription":"%3$s",\
			"tax_rates":[]}],"has_more":false,"url":"/v1/subscription_items?subscription=%3$s"},\
			"latest_invoice":"in_1Pgc6tB7WZ01zgkWu9fdqL6I","livemode":false,"metadata":{},\
			"next_pending_invoice_item_invoice":null,"on_behalf_of":null,"pause_collection":null,\
			"payment_settings":{"payment_method_options":null,"payment_method_types":null,\
			"save_default_payment_method":"off"},"pending_invoice_item_interval":null,"pending_setup_intent":null,\
			"pending_update":null,"schedule":null,"start_date":1721954054,"status":"active","test_clock":null,\
			"transfer_data":null,"trial_end":null,"trial_settings":{"end_behavior":{"missing_payment_method":"create_invoice"}},\
			"trial_start":null},"previous_attributes":{"cancel_at_period_end":true}}}""";

}
