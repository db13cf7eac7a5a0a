package com.mindroom.provisioner.backup;

import java.io.IOException;

/**
 * Thrown when a backup read back does not have the SHA-256 recorded when it was taken: it
 * was damaged or changed in storage, and nothing is restored from it.
 */
public class ChecksumMismatchException extends IOException {

	/** How a restore Job's failure message starts when the checksum did not match. */
	public static final String PREFIX = "Checksum mismatch";

	public ChecksumMismatchException(String key, String expected, String actual) {
		super(PREFIX + ": " + key + " has SHA-256 " + actual + ", the backup recorded " + expected);
	}

}
