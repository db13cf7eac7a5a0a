package com.mindroom.provisioner.secret;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import com.mindroom.common.security.SecretBox;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The per-tenant generated credentials (Matrix homeserver secrets and signing key, the
 * token the platform uses to read the instance's usage): generated once per instance,
 * sealed with the platform key ({@link SecretBox}) in {@code tenant_secrets}, and the
 * same on every reconcile, so a deleted Kubernetes Secret is recreated with the same
 * values. Never a platform-wide key; never logged.
 */
public class TenantSecrets {

	/** The key under which the platform's token for the instance's API is stored. */
	public static final String PLATFORM_API_TOKEN = "platform-api-token";

	/**
	 * The key under which the passphrase that encrypts the instance's backups is stored.
	 */
	private static final String BACKUP_PASSPHRASE = "backup-passphrase";

	private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {
	};

	private static final String KEY_ID_ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

	private final JdbcClient jdbc;

	private final SecretBox box;

	private final JsonMapper json;

	private final SecureRandom random = new SecureRandom();

	public TenantSecrets(JdbcClient jdbc, SecretBox box, JsonMapper json) {
		this.jdbc = jdbc;
		this.box = box;
		this.json = json;
	}

	/**
	 * Returns the secrets of the instance's Secret (all but the backup passphrase, which
	 * its pods never need), generating and storing them on first use. When two replicas
	 * race, the stored ones win.
	 * @param instanceId the instance
	 * @return the secrets by key
	 */
	public Map<String, String> ensure(UUID instanceId) {
		Map<String, String> values = new TreeMap<>(all(instanceId));
		values.remove(BACKUP_PASSPHRASE);
		return values;
	}

	/**
	 * Returns the passphrase that encrypts the instance's backups, generating and storing
	 * it on first use; only the backup and restore Jobs receive it.
	 * @param instanceId the instance
	 * @return the passphrase
	 */
	public String backupPassphrase(UUID instanceId) {
		return all(instanceId).get(BACKUP_PASSPHRASE);
	}

	private Map<String, String> all(UUID instanceId) {
		Optional<byte[]> sealed = read(instanceId);
		if (sealed.isEmpty()) {
			byte[] fresh = this.box.seal(this.json.writeValueAsBytes(generate()));
			this.jdbc.sql("insert into tenant_secrets (instance_id, ciphertext) values (?, ?) on conflict do nothing")
				.params(instanceId, fresh)
				.update();
			sealed = read(instanceId);
		}
		Map<String, String> values = open(sealed.orElseThrow());
		return values.containsKey(BACKUP_PASSPHRASE) ? values : withBackupPassphrase(instanceId, sealed.get());
	}

	/**
	 * Adds a backup passphrase to the secrets of an instance created before backups
	 * existed; when two replicas race, the first one stored wins.
	 */
	private Map<String, String> withBackupPassphrase(UUID instanceId, byte[] sealed) {
		Map<String, String> values = new TreeMap<>(open(sealed));
		values.put(BACKUP_PASSPHRASE, this.box.randomSecret(32));
		this.jdbc.sql("update tenant_secrets set ciphertext = ? where instance_id = ? and ciphertext = ?")
			.params(this.box.seal(this.json.writeValueAsBytes(values)), instanceId, sealed)
			.update();
		return open(read(instanceId).orElseThrow());
	}

	/**
	 * Returns the instance's secrets if they were ever generated.
	 * @param instanceId the instance
	 * @return the secrets by key, if any
	 */
	public Optional<Map<String, String>> find(UUID instanceId) {
		return read(instanceId).map(this::open);
	}

	/**
	 * Forgets the instance's secrets (once the instance is deleted).
	 * @param instanceId the instance
	 */
	public void delete(UUID instanceId) {
		this.jdbc.sql("delete from tenant_secrets where instance_id = ?").param(instanceId).update();
	}

	private Optional<byte[]> read(UUID instanceId) {
		return this.jdbc.sql("select ciphertext from tenant_secrets where instance_id = ?")
			.param(instanceId)
			.query(byte[].class)
			.optional();
	}

	private Map<String, String> open(byte[] sealed) {
		return this.json.readValue(this.box.open(sealed), MAP);
	}

	Map<String, String> generate() {
		Map<String, String> secrets = new TreeMap<>();
		secrets.put("matrix-registration-shared-secret", this.box.randomSecret(32));
		secrets.put("matrix-macaroon-secret-key", this.box.randomSecret(32));
		secrets.put("matrix-form-secret", this.box.randomSecret(32));
		secrets.put("matrix-signing-key", signingKey());
		secrets.put(PLATFORM_API_TOKEN, this.box.randomSecret(32));
		secrets.put(BACKUP_PASSPHRASE, this.box.randomSecret(32));
		return secrets;
	}

	/**
	 * A Matrix homeserver signing key in Synapse's file format:
	 * {@code ed25519 <key id> <unpadded base64 seed>}.
	 * @return the key file's content
	 */
	private String signingKey() {
		try {
			EdECPrivateKey key = (EdECPrivateKey) KeyPairGenerator.getInstance("Ed25519")
				.generateKeyPair()
				.getPrivate();
			byte[] seed = key.getBytes().orElseThrow();
			StringBuilder id = new StringBuilder("a_");
			for (int i = 0; i < 4; i++) {
				id.append(KEY_ID_ALPHABET.charAt(this.random.nextInt(KEY_ID_ALPHABET.length())));
			}
			return "ed25519 " + id + " " + Base64.getEncoder().withoutPadding().encodeToString(seed);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Ed25519 is not available", ex);
		}
	}

}
