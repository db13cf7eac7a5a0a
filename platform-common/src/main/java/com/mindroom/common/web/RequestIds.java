package com.mindroom.common.web;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The request id convention: the gateway accepts or generates an {@code X-Request-Id},
 * passes it to the service it routes to and returns it to the caller; every service puts
 * it into its log lines (MDC key {@value #MDC_KEY}).
 */
public final class RequestIds {

	/**
	 * The header that carries the request id.
	 */
	public static final String HEADER = "X-Request-Id";

	/**
	 * The MDC key the logging pattern prints.
	 */
	public static final String MDC_KEY = "requestId";

	// letters, digits and a few separators only, so an id can never forge a log line
	private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{8,128}");

	private RequestIds() {
	}

	/**
	 * The id to use for a request.
	 * @param incoming the id the caller sent, if any
	 * @return the caller's id when it is well-formed, otherwise a new one
	 */
	public static String accept(String incoming) {
		return (incoming != null && ACCEPTED.matcher(incoming).matches()) ? incoming : generate();
	}

	/**
	 * A new random (version 4) UUID. A request id has to be unique, not unguessable, so
	 * it comes from the thread's own generator: {@link UUID#randomUUID()} draws from the
	 * one shared {@code SecureRandom}, whose lock every request thread (and the gateway's
	 * event loops) queued on under load.
	 * @return the id
	 */
	static String generate() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long high = (random.nextLong() & ~0xF000L) | 0x4000L;
		long low = (random.nextLong() & ~(0xCL << 60)) | (0x8L << 60);
		return new UUID(high, low).toString();
	}

}
