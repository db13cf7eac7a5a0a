package com.mindroom.common.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.ClassPathResource;

/**
 * The plain-text bodies of the emails, one file per template under
 * {@code mail/<template>.txt} on the classpath, with {@code {{param}}} placeholders
 * filled from the notification's parameters.
 */
public final class MailTemplates {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-zA-Z0-9_]+)\\s*}}");

	private MailTemplates() {
	}

	/**
	 * Renders a template.
	 * @param template the template name
	 * @param params the values for its placeholders (a missing one renders empty)
	 * @return the body
	 * @throws IllegalArgumentException when there is no such template
	 */
	public static String render(String template, Map<String, ?> params) {
		ClassPathResource resource = new ClassPathResource("mail/" + template + ".txt");
		if (!template.matches("[a-z][a-z0-9_]*") || !resource.exists()) {
			throw new IllegalArgumentException("No mail template '" + template + "'");
		}
		String text;
		try (InputStream in = resource.getInputStream()) {
			text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Matcher matcher = PLACEHOLDER.matcher(text);
		StringBuilder body = new StringBuilder();
		while (matcher.find()) {
			Object value = params.get(matcher.group(1));
			matcher.appendReplacement(body, Matcher.quoteReplacement((value != null) ? value.toString() : ""));
		}
		matcher.appendTail(body);
		return body.toString();
	}

}
