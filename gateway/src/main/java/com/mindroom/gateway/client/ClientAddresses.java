package com.mindroom.gateway.client;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Resolves the client's address: the direct peer, unless the peer is a trusted proxy, in
 * which case {@code X-Forwarded-For} is read from the right, skipping trusted proxies,
 * and the first address that is not one is the client. A header sent by anyone else is
 * ignored, so a client cannot choose its own rate-limit key.
 */
public class ClientAddresses {

	public static final String X_FORWARDED_FOR = "X-Forwarded-For";

	private final List<AddressRange> trustedProxies;

	public ClientAddresses(List<String> trustedProxies) {
		this.trustedProxies = trustedProxies.stream()
			.map(String::trim)
			.filter((proxy) -> !proxy.isEmpty())
			.map(AddressRange::parse)
			.toList();
	}

	/**
	 * The client's address.
	 * @param request the request as it reached the gateway
	 * @return the address, as text
	 */
	public String resolve(ServerHttpRequest request) {
		String peer = peer(request);
		if (!isTrusted(peer)) {
			return peer;
		}
		List<String> hops = forwardedFor(request);
		String nearest = peer;
		for (int i = hops.size() - 1; i >= 0; i--) {
			String hop = hops.get(i);
			if (!AddressRange.isLiteral(hop)) {
				return nearest;
			}
			if (!isTrusted(hop)) {
				return hop;
			}
			nearest = hop;
		}
		return nearest;
	}

	/**
	 * Whether the request came straight from a trusted proxy.
	 * @param request the request as it reached the gateway
	 * @return whether its forwarding headers can be believed
	 */
	public boolean fromTrustedProxy(ServerHttpRequest request) {
		return isTrusted(peer(request));
	}

	private boolean isTrusted(String address) {
		return this.trustedProxies.stream().anyMatch((proxy) -> proxy.contains(address));
	}

	private static String peer(ServerHttpRequest request) {
		InetSocketAddress remote = request.getRemoteAddress();
		if (remote == null || remote.getAddress() == null) {
			return "unknown";
		}
		return remote.getAddress().getHostAddress();
	}

	private static List<String> forwardedFor(ServerHttpRequest request) {
		List<String> hops = new ArrayList<>();
		for (String header : request.getHeaders().getOrEmpty(X_FORWARDED_FOR)) {
			for (String hop : header.split(",")) {
				if (!hop.isBlank()) {
					hops.add(hop.trim());
				}
			}
		}
		return hops;
	}

}
