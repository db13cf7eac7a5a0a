package com.mindroom.gateway.ratelimit;

import reactor.core.publisher.Mono;

import com.mindroom.gateway.client.ClientAddresses;
import com.mindroom.gateway.errors.GatewayProblem;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * Applies the rate limits to every routed request, before anything is sent downstream,
 * and refuses with 429 and {@code Retry-After} when the caller's bucket is empty. Which
 * bucket: the route's own for webhook routes (never per address), the address's stricter
 * one on sign-in paths, the account's when signed in, the address's otherwise.
 */
class RateLimitFilter implements GlobalFilter, Ordered {

	static final String ROUTE_METADATA = "rate-limit";

	private final RateLimitStore store;

	private final RateLimitProperties properties;

	private final SignInPaths signInPaths;

	private final SignedInAccounts accounts;

	private final ClientAddresses clients;

	RateLimitFilter(RateLimitStore store, RateLimitProperties properties, SignedInAccounts accounts,
			ClientAddresses clients) {
		this.store = store;
		this.properties = properties;
		this.signInPaths = new SignInPaths(properties.signInPaths());
		this.accounts = accounts;
		this.clients = clients;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		return limitFor(exchange).flatMap((limit) -> this.store.consume(limit.tier(), limit.policy(), limit.key()))
			.flatMap((decision) -> decision.allowed() ? chain.filter(exchange)
					: Mono.error(GatewayProblem.tooManyRequests(decision.retryAfter())));
	}

	private Mono<Limit> limitFor(ServerWebExchange exchange) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		if (route != null && "webhook".equals(route.getMetadata().get(ROUTE_METADATA))) {
			return Mono.just(new Limit("webhook", this.properties.webhook(), route.getId()));
		}
		ServerHttpRequest request = exchange.getRequest();
		String address = this.clients.resolve(request);
		if (this.signInPaths.matches(request)) {
			return Mono.just(new Limit("sign-in", this.properties.signIn(), address));
		}
		return this.accounts.accountOf(request)
			.map((account) -> new Limit("account", this.properties.account(), account))
			.defaultIfEmpty(new Limit("anonymous", this.properties.anonymous(), address));
	}

	@Override
	public int getOrder() {
		// after the route metrics filter, so refusals count per route, before route
		// filters
		return 0;
	}

	private record Limit(String tier, RateLimitPolicy policy, String key) {

	}

}
