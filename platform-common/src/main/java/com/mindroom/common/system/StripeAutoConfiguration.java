package com.mindroom.common.system;

import com.stripe.StripeClient;

import com.mindroom.common.stripe.StripeClients;
import com.mindroom.common.stripe.StripeProperties;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The Stripe settings for services that carry stripe-java, and a {@link StripeClient} for
 * the configured API base when a secret key is configured (no client bean without one, so
 * "no Stripe API" is visible as its absence).
 */
@AutoConfiguration
@ConditionalOnClass(StripeClient.class)
@EnableConfigurationProperties(StripeProperties.class)
public class StripeAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@Conditional(OnStripeSecretKey.class)
	StripeClient stripeClient(StripeProperties properties) {
		return StripeClients.create(properties);
	}

	/**
	 * Matches when {@code mindroom.stripe.secret-key} has text (an empty value, as the
	 * shared defaults give without {@code STRIPE_SECRET_KEY}, does not count).
	 */
	static class OnStripeSecretKey extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return StringUtils.hasText(context.getEnvironment().getProperty("mindroom.stripe.secret-key"))
					? ConditionOutcome.match("a Stripe secret key is configured")
					: ConditionOutcome.noMatch("no Stripe secret key is configured");
		}

	}

}
