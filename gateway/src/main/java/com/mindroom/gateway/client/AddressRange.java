package com.mindroom.gateway.client;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 range in CIDR notation ({@code 10.0.0.0/8}, {@code fd00::/8}) or a
 * single address. Only IP literals are ever parsed, so no value triggers a DNS lookup.
 */
final class AddressRange {

	// a dotted quad, or anything with a colon (IPv6): InetAddress never resolves either
	private static final Pattern IP_LITERAL = Pattern
		.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9A-Fa-f.]*:[0-9A-Fa-f:.]{1,44}");

	private final byte[] network;

	private final int prefixLength;

	private AddressRange(byte[] network, int prefixLength) {
		this.network = network;
		this.prefixLength = prefixLength;
	}

	static AddressRange parse(String range) {
		String[] parts = range.trim().split("/", 2);
		byte[] network = literal(parts[0]);
		if (network == null) {
			throw new IllegalArgumentException("Not an IP address or CIDR range: " + range);
		}
		int prefixLength = (parts.length == 2) ? Integer.parseInt(parts[1]) : network.length * 8;
		if (prefixLength < 0 || prefixLength > network.length * 8) {
			throw new IllegalArgumentException("Prefix length out of range: " + range);
		}
		return new AddressRange(network, prefixLength);
	}

	static boolean isLiteral(String address) {
		return literal(address) != null;
	}

	boolean contains(String address) {
		byte[] bytes = literal(address);
		if (bytes == null || bytes.length != this.network.length) {
			return false;
		}
		int fullBytes = this.prefixLength / 8;
		for (int i = 0; i < fullBytes; i++) {
			if (bytes[i] != this.network[i]) {
				return false;
			}
		}
		int remainingBits = this.prefixLength % 8;
		if (remainingBits == 0) {
			return true;
		}
		int mask = (0xFF << (8 - remainingBits)) & 0xFF;
		return (bytes[fullBytes] & mask) == (this.network[fullBytes] & mask);
	}

	private static byte[] literal(String address) {
		if (address == null || !IP_LITERAL.matcher(address).matches()) {
			return null;
		}
		try {
			return InetAddress.getByName(address).getAddress();
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

}
