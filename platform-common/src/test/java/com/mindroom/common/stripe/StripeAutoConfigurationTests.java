package com.mindroom.common.stripe;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.stripe.StripeClient;
import com.stripe.model.Subscription;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mindroom.common.system.StripeAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared Stripe settings bind from the environment variables through the shared
 * defaults, and the client reaches the configured API base with the secret key.
 */
class StripeAutoConfigurationTests {

	private HttpServer api;

	private final AtomicReference<String> seenAuthorization = new AtomicReference<>();

	private final AtomicReference<String> seenPath = new AtomicReference<>();

	@BeforeEach
	void startApi() throws IOException {
		this.api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.api.createContext("/", (exchange) -> {
			this.seenAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
			this.seenPath.set(exchange.getRequestURI().getPath());
			byte[] body = "{\"id\":\"sub_123\",\"object\":\"subscription\",\"status\":\"active\"}"
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		this.api.start();
	}

	@AfterEach
	void stopApi() {
		this.api.stop(0);
	}

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(StripeAutoConfiguration.class))
			.withInitializer((context) -> {
				try {
					for (PropertySource<?> source : new YamlPropertySourceLoader().load("mindroom-common",
							new ClassPathResource("mindroom-common.yml"))) {
						context.getEnvironment().getPropertySources().addLast(source);
					}
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			});
	}

	@Test
	void withoutSettingsHasStripesDefaultsNoClientAndNoWebhookSecret() {
		runner().run((context) -> {
			StripeProperties properties = context.getBean(StripeProperties.class);
			assertThat(properties.apiBase()).isEqualTo("https://api.stripe.com");
			assertThat(properties.webhookTolerance()).isEqualTo(Duration.ofSeconds(300));
			assertThat(properties.hasWebhookSecrets()).isFalse();
			assertThat(properties.hasSecretKey()).isFalse();
			assertThat(context).doesNotHaveBean(StripeClient.class);
		});
	}

	@Test
	void readsCommaSeparatedWebhookSecretsForRotation() {
		runner().withSystemProperties("STRIPE_WEBHOOK_SECRET=whsec_old, whsec_new,", "STRIPE_WEBHOOK_TOLERANCE=120s")
			.run((context) -> {
				StripeProperties properties = context.getBean(StripeProperties.class);
				assertThat(properties.webhookSecrets()).containsExactly("whsec_old", "whsec_new");
				assertThat(properties.webhookTolerance()).isEqualTo(Duration.ofSeconds(120));
			});
	}

	@Test
	void clientCallsTheConfiguredApiBaseWithTheSecretKey() {
		runner()
			.withSystemProperties("STRIPE_SECRET_KEY=sk_test_platform",
					"STRIPE_API_BASE=http://127.0.0.1:" + this.api.getAddress().getPort() + "/")
			.run((context) -> {
				Subscription subscription = context.getBean(StripeClient.class)
					.v1()
					.subscriptions()
					.retrieve("sub_123");
				assertThat(subscription.getStatus()).isEqualTo("active");
				assertThat(this.seenPath.get()).isEqualTo("/v1/subscriptions/sub_123");
				assertThat(this.seenAuthorization.get()).isEqualTo("Bearer sk_test_platform");
			});
	}

	@Test
	void describesItselfWithoutSecrets() {
		StripeProperties properties = new StripeProperties("sk_live_secret", null, List.of("whsec_secret"), null);
		assertThat(properties.toString()).doesNotContain("sk_live_secret")
			.doesNotContain("whsec_secret")
			.contains("https://api.stripe.com");
	}

}
