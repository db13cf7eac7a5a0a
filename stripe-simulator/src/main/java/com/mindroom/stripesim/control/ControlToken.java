package com.mindroom.stripesim.control;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.springframework.stereotype.Component;

/**
 * A random token, new at every start, that the control page's forms carry, so a page on
 * another site cannot post to them.
 */
@Component
class ControlToken {

	private final String value;

	ControlToken() {
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		this.value = HexFormat.of().formatHex(bytes);
	}

	String value() {
		return this.value;
	}

	boolean matches(String candidate) {
		return candidate != null && MessageDigest.isEqual(this.value.getBytes(), candidate.getBytes());
	}

}
