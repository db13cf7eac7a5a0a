package com.mindroom.stripe.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;

import com.mindroom.common.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Reads a delivery's raw body (the signature covers its exact bytes), refusing more than
 * the configured limit without reading it all.
 */
final class WebhookBody {

	private WebhookBody() {
	}

	static String read(HttpServletRequest request, long limit) throws IOException {
		if (request.getContentLengthLong() > limit) {
			throw tooLarge(limit);
		}
		try (InputStream in = request.getInputStream()) {
			byte[] body = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE));
			if (body.length > limit) {
				throw tooLarge(limit);
			}
			return new String(body, StandardCharsets.UTF_8);
		}
	}

	private static ErrorResponseException tooLarge(long limit) {
		return Problems.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
				"The body is larger than " + (limit / 1024) + " KiB.");
	}

}
