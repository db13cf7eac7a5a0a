package com.mindroom.provisioner.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/**
 * Where backup archives are kept: an S3-compatible bucket, or a local directory for local
 * runs on the simulated cluster. Keys are paths such as
 * {@code backups/<instance>/<backup>.tar.gz.enc}.
 */
public interface ObjectStore {

	/**
	 * Starts writing an object; it exists once the upload is closed, never half-written.
	 * @param key the object's key
	 * @return the upload
	 * @throws IOException when the store cannot be reached
	 */
	Upload create(String key) throws IOException;

	/**
	 * Reads an object.
	 * @param key the object's key
	 * @return its content
	 * @throws IOException when there is no such object or the store cannot be reached
	 */
	InputStream open(String key) throws IOException;

	/**
	 * The size of an object.
	 * @param key the object's key
	 * @return its size in bytes, or empty when there is no such object
	 * @throws IOException when the store cannot be reached
	 */
	Optional<Long> size(String key) throws IOException;

	/**
	 * Deletes an object; deleting a missing one is no error.
	 * @param key the object's key
	 * @throws IOException when the store cannot be reached
	 */
	void delete(String key) throws IOException;

	/**
	 * Where the objects go, for messages (never with credentials).
	 * @return for example
	 * {@code s3://mindroom-backups at https://fsn1.your-objectstorage.com}
	 */
	String describe();

	/**
	 * An object being written: closing it completes the object, aborting discards it.
	 */
	abstract class Upload extends OutputStream {

		/**
		 * Discards what was written; the object is not created.
		 */
		public abstract void abort();

	}

}
