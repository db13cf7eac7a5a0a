package com.mindroom.common.stripe;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * How the platform reaches Stripe ({@code mindroom.stripe}).
 *
 * @param secretKey the Stripe secret API key ({@code STRIPE_SECRET_KEY}); empty when the
 * platform runs without the Stripe API
 * @param apiBase where the Stripe API is served ({@code STRIPE_API_BASE}): Stripe itself,
 * or a local simulator or test double
 * @param webhookSecrets the webhook signing secrets accepted
 * ({@code STRIPE_WEBHOOK_SECRET}, comma-separated so an old and a new secret both work
 * during a rotation); no default
 * @param webhookTolerance how far a webhook signature's timestamp may be from now
 */
@ConfigurationProperties("mindroom.stripe")
public record StripeProperties(String secretKey, @DefaultValue(StripeProperties.STRIPE_API_BASE) String apiBase,
		List<String> webhookSecrets, @DefaultValue("300s") Duration webhookTolerance) {

	/**
	 * Stripe's own API base.
	 */
	public static final String STRIPE_API_BASE = "https://api.stripe.com";

	public StripeProperties {
		secretKey = StringUtils.hasText(secretKey) ? secretKey.trim() : null;
		apiBase = StringUtils.hasText(apiBase) ? apiBase.trim().replaceAll("/+$", "") : STRIPE_API_BASE;
		webhookSecrets = (webhookSecrets != null)
				? webhookSecrets.stream().filter(StringUtils::hasText).map(String::trim).toList() : List.of();
		webhookTolerance = (webhookTolerance != null) ? webhookTolerance : Duration.ofSeconds(300);
	}

	/**
	 * Whether the Stripe API can be called (a secret key is configured).
	 * @return whether there is a secret key
	 */
	public boolean hasSecretKey() {
		return this.secretKey != null;
	}

	/**
	 * Whether webhooks can be verified (at least one signing secret is configured).
	 * @return whether there is a webhook secret
	 */
	public boolean hasWebhookSecrets() {
		return !this.webhookSecrets.isEmpty();
	}

	/**
	 * Describes the settings without their secrets, so the record can be logged.
	 * @return the settings with the key and the secrets masked
	 */
	@Override
	public String toString() {
		return "StripeProperties[secretKey=" + (hasSecretKey() ? "(set)" : "(none)") + ", apiBase=" + this.apiBase
				+ ", webhookSecrets=" + this.webhookSecrets.size() + " configured, webhookTolerance="
				+ this.webhookTolerance + "]";
	}

}
