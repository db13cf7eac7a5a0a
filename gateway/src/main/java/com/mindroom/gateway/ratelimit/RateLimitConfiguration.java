package com.mindroom.gateway.ratelimit;

import java.time.Clock;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mindroom.gateway.client.ClientAddresses;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * The rate-limit filter and its store: Redis when {@code MINDROOM_REDIS_URL} is set, this
 * process's memory otherwise.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(RateLimitConfiguration.class);

	@Bean
	RateLimitFilter rateLimitFilter(RateLimitProperties properties, ObjectProvider<RedisRateLimiter> redis,
			ReactiveJwtDecoder jwtDecoder, ObjectProvider<JdbcClient> jdbc, Clock clock, ClientAddresses clients) {
		SessionAccounts sessions = jdbc.stream()
			.findFirst()
			.map((client) -> new SessionAccounts(client, clock, properties.sessionCacheTtl()))
			.orElse(null);
		SignedInAccounts accounts = new SignedInAccounts(jwtDecoder, sessions, properties.sessionCookies());
		return new RateLimitFilter(store(properties, redis), properties, accounts, clients);
	}

	private static RateLimitStore store(RateLimitProperties properties, ObjectProvider<RedisRateLimiter> redis) {
		if (!properties.usesRedis()) {
			logger.info("Rate limits are kept in memory (set MINDROOM_REDIS_URL to share them between replicas)");
			return new InMemoryRateLimitStore(System::nanoTime);
		}
		logger.info("Rate limits are kept in Redis");
		return new RedisRateLimitStore(redis.getObject(), Map.of("anonymous", properties.anonymous(), "account",
				properties.account(), "sign-in", properties.signIn(), "webhook", properties.webhook()));
	}

}
