package com.mindroom.common.notification;

import java.util.Map;
import java.util.UUID;

/**
 * An email to send.
 *
 * @param accountId the account it concerns, if any
 * @param recipient the email address
 * @param template the template name ({@code payment_failed}, {@code password_reset}...)
 * @param subject the subject line
 * @param params the template's parameters (never a secret other than a one-time link
 * meant for the recipient)
 * @param dedupeKey a key that makes repeats of the same notice one message, or
 * {@code null}
 */
public record Notification(UUID accountId, String recipient, String template, String subject,
		Map<String, Object> params, String dedupeKey) {

}
