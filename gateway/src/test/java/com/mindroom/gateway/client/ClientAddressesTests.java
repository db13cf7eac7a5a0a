package com.mindroom.gateway.client;

import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * X-Forwarded-For counts only when the peer is a trusted proxy.
 */
class ClientAddressesTests {

	private final ClientAddresses clients = new ClientAddresses(List.of("10.0.0.0/8", "192.168.1.7", "fd00::/8"));

	@Test
	void ignoresForwardedForFromAnUntrustedPeer() {
		assertThat(this.clients.resolve(request("203.0.113.5", "6.6.6.6"))).isEqualTo("203.0.113.5");
	}

	@Test
	void takesTheNearestUntrustedHopBehindTrustedProxies() {
		assertThat(this.clients.resolve(request("10.1.2.3", "6.6.6.6, 198.51.100.4, 10.9.9.9")))
			.isEqualTo("198.51.100.4");
		assertThat(this.clients.resolve(request("192.168.1.7", "198.51.100.4"))).isEqualTo("198.51.100.4");
		assertThat(this.clients.resolve(request("fd12::1", "2001:db8::7"))).isEqualTo("2001:db8::7");
	}

	@Test
	void fallsBackToTheProxyWhenTheHeaderIsMissingOrGarbage() {
		assertThat(this.clients.resolve(request("10.1.2.3", null))).isEqualTo("10.1.2.3");
		assertThat(this.clients.resolve(request("10.1.2.3", "evil.example.com"))).isEqualTo("10.1.2.3");
		assertThat(this.clients.resolve(request("10.1.2.3", "face"))).as("never looked up in DNS")
			.isEqualTo("10.1.2.3");
		assertThat(this.clients.resolve(request("10.1.2.3", "10.4.4.4"))).isEqualTo("10.4.4.4");
	}

	@Test
	void treatsNeighbouringAddressesAsUntrusted() {
		assertThat(this.clients.resolve(request("11.0.0.1", "6.6.6.6"))).isEqualTo("11.0.0.1");
		assertThat(this.clients.resolve(request("192.168.1.8", "6.6.6.6"))).isEqualTo("192.168.1.8");
	}

	@Test
	void rejectsRangesThatAreNotAddresses() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ClientAddresses(List.of("proxy.internal")));
		assertThatIllegalArgumentException().isThrownBy(() -> new ClientAddresses(List.of("10.0.0.0/33")));
	}

	private static MockServerHttpRequest request(String peer, String forwardedFor) {
		MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/app")
			.remoteAddress(new InetSocketAddress(peer, 40000));
		if (forwardedFor != null) {
			request.header(ClientAddresses.X_FORWARDED_FOR, forwardedFor);
		}
		return request.build();
	}

}
