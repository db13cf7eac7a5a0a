package com.mindroom.provisioner.health;

import java.net.http.HttpClient;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mindroom.provisioner.secret.TenantSecrets;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Reads an instance's health and usage over HTTP, at the in-cluster addresses configured
 * in {@link HealthProperties}. The usage endpoint is called with the instance's own
 * platform token from its tenant secrets.
 */
public class HttpInstanceProbe implements InstanceProbe {

	private static final Logger logger = LoggerFactory.getLogger(HttpInstanceProbe.class);

	private final RestClient http;

	private final HealthProperties properties;

	private final TenantSecrets secrets;

	public HttpInstanceProbe(HealthProperties properties, TenantSecrets secrets) {
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(properties.timeout()).build());
		requests.setReadTimeout(properties.timeout());
		this.http = RestClient.builder().requestFactory(requests).build();
		this.properties = properties;
		this.secrets = secrets;
	}

	@Override
	public Optional<HttpHealth> health(MonitoredInstance instance) {
		String url = expand(this.properties.healthUrl(), instance, null);
		try {
			HttpStatusCode status = this.http.get()
				.uri(url)
				.retrieve()
				.onStatus((code) -> true, (request, response) -> {
				})
				.toBodilessEntity()
				.getStatusCode();
			return Optional.of(status.is2xxSuccessful() ? new HttpHealth(true, null)
					: new HttpHealth(false, "its health endpoint answered " + status.value()));
		}
		catch (ResourceAccessException ex) {
			logger.debug("Health endpoint of instance {} not reachable: {}", instance.id(), ex.getMessage());
			return Optional.empty();
		}
	}

	@Override
	public Usage usage(MonitoredInstance instance, LocalDate day) {
		String token = this.secrets.find(instance.id())
			.map((values) -> values.get(TenantSecrets.PLATFORM_API_TOKEN))
			.orElseThrow(() -> new IllegalStateException("Instance " + instance.id() + " has no platform token"));
		UsageResponse usage = this.http.get()
			.uri(expand(this.properties.usageUrl(), instance, day))
			.header("Authorization", "Bearer " + token)
			.retrieve()
			.body(UsageResponse.class);
		if (usage == null) {
			throw new IllegalStateException("Instance " + instance.id() + " answered no usage");
		}
		return new Usage(usage.messages(), usage.activeAgents(), usage.storageBytes());
	}

	private static String expand(String template, MonitoredInstance instance, LocalDate day) {
		return UriComponentsBuilder.fromUriString(template)
			.buildAndExpand(Map.of("namespace", instance.namespace(), "slug", instance.slug(), "day",
					(day != null) ? day.toString() : ""))
			.toUriString();
	}

	/**
	 * What an instance's usage endpoint answers.
	 *
	 * @param messages the messages sent that day
	 * @param activeAgents the agents active that day
	 * @param storageBytes the storage used
	 */
	record UsageResponse(long messages, int activeAgents, long storageBytes) {

	}

}
