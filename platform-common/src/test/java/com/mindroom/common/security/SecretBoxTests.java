package com.mindroom.common.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Sealing secrets with the platform key.
 */
class SecretBoxTests {

	private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

	private final SecretBox box = new SecretBox(KEY);

	@Test
	void sealsAndOpensWithAFreshNonceEachTime() {
		byte[] secret = "tenant-password".getBytes(StandardCharsets.UTF_8);
		byte[] first = this.box.seal(secret);
		byte[] second = this.box.seal(secret);
		assertThat(first).isNotEqualTo(second);
		assertThat(new String(first, StandardCharsets.ISO_8859_1)).doesNotContain("tenant-password");
		assertThat(this.box.open(first)).isEqualTo(secret);
		assertThat(this.box.open(second)).isEqualTo(secret);
	}

	@Test
	void refusesTamperedValuesAndOtherKeys() {
		byte[] sealed = this.box.seal("x".getBytes(StandardCharsets.UTF_8));
		sealed[sealed.length - 1] ^= 1;
		assertThatIllegalStateException().isThrownBy(() -> this.box.open(sealed));
		byte[] other = new byte[32];
		other[0] = 1;
		SecretBox otherBox = new SecretBox(Base64.getEncoder().encodeToString(other));
		assertThatIllegalStateException().isThrownBy(() -> otherBox.open(this.box.seal(new byte[] { 1 })));
	}

	@Test
	void explainsAMissingOrMalformedKey() {
		assertThat(new SecretBox("").configured()).isFalse();
		assertThatIllegalStateException().isThrownBy(() -> new SecretBox(null).seal(new byte[] { 1 }))
			.withMessageContaining("MINDROOM_ENCRYPTION_KEY");
		assertThatIllegalArgumentException().isThrownBy(() -> new SecretBox("c2hvcnQ="))
			.withMessageContaining("32 bytes");
		assertThatIllegalArgumentException().isThrownBy(() -> new SecretBox("not base64!"))
			.withMessageContaining("base64");
	}

	@Test
	void generatesUrlSafeRandomSecrets() {
		String secret = this.box.randomSecret(32);
		assertThat(secret).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(this.box.randomSecret(32));
	}

}
