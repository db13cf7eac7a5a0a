package com.mindroom.stripesim.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Honours {@code Idempotency-Key} on POST and DELETE as Stripe does: the same key with
 * the same parameters replays the first response ({@code Idempotent-Replayed: true});
 * with other parameters it is refused (400 {@code idempotency_error}); while the first
 * request is still running a second one gets 409. Server errors are not recorded, so a
 * retry runs again.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class IdempotencyFilter extends OncePerRequestFilter {

	private static final int MAX_KEY_LENGTH = 255;

	private final IdempotencyRecords records;

	private final JsonMapper json;

	IdempotencyFilter(IdempotencyRecords records, JsonMapper json) {
		this.records = records;
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith("/v1/") || request.getHeader("Idempotency-Key") == null
				|| !("POST".equals(request.getMethod()) || "DELETE".equals(request.getMethod()))
				|| request.getAttribute(ApiKeyFilter.API_KEY) == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = request.getHeader("Idempotency-Key");
		response.setHeader("Idempotency-Key", key);
		if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
			error(response, HttpStatus.BAD_REQUEST, "Idempotency-Key must be 1 to 255 characters.");
			return;
		}
		String apiKey = hash((String) request.getAttribute(ApiKeyFilter.API_KEY));
		String requestHash = hash(fingerprint(request));
		Optional<IdempotencyRecords.Record> existing = this.records.claim(apiKey, key, requestHash);
		if (existing.isPresent()) {
			answerFromRecord(existing.get(), requestHash, key, response);
			return;
		}
		ContentCachingResponseWrapper cached = new ContentCachingResponseWrapper(response);
		try {
			chain.doFilter(request, cached);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			this.records.release(apiKey, key);
			throw ex;
		}
		record(apiKey, key, cached);
		cached.copyBodyToResponse();
	}

	private void record(String apiKey, String key, ContentCachingResponseWrapper response) {
		if (response.getStatus() >= 500) {
			this.records.release(apiKey, key);
		}
		else {
			this.records.complete(apiKey, key, response.getStatus(),
					new String(response.getContentAsByteArray(), StandardCharsets.UTF_8));
		}
	}

	private void answerFromRecord(IdempotencyRecords.Record record, String requestHash, String key,
			HttpServletResponse response) throws IOException {
		if (!record.requestHash().equals(requestHash)) {
			error(response, HttpStatus.BAD_REQUEST,
					"Keys for idempotent requests can only be used with the same parameters they were first used "
							+ "with. Try using a key other than '" + key
							+ "' if you meant to execute a different request.");
		}
		else if (record.status() == null) {
			error(response, HttpStatus.CONFLICT,
					"There is currently another in-progress request using this " + "idempotency key. Try again later.");
		}
		else {
			response.setStatus(record.status());
			response.setHeader("Idempotent-Replayed", "true");
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.getOutputStream().write(record.body().getBytes(StandardCharsets.UTF_8));
		}
	}

	private void error(HttpServletResponse response, HttpStatus status, String message) throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getWriter()
			.write(this.json.writeValueAsString(StripeErrors.body("idempotency_error", null, message, null)));
	}

	private static String fingerprint(HttpServletRequest request) {
		StringBuilder fingerprint = new StringBuilder(request.getMethod()).append(' ').append(request.getRequestURI());
		Map<String, String[]> sorted = new TreeMap<>(request.getParameterMap());
		sorted.forEach(
				(name, values) -> fingerprint.append('\n').append(name).append('=').append(Arrays.toString(values)));
		return fingerprint.toString();
	}

	private static String hash(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
