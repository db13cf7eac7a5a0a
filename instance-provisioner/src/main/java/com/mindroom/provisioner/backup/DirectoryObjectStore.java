package com.mindroom.provisioner.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Objects as files under a local directory: the store of local runs on the simulated
 * cluster when no bucket is configured, where the simulated Jobs run inside the
 * provisioner and can reach it. Writes go to a temporary file that is moved into place
 * when complete.
 */
public class DirectoryObjectStore implements ObjectStore {

	private final Path root;

	public DirectoryObjectStore(Path root) {
		this.root = root.toAbsolutePath().normalize();
	}

	@Override
	public Upload create(String key) throws IOException {
		Path target = resolve(key);
		Files.createDirectories(target.getParent());
		Path partial = Files.createTempFile(target.getParent(), ".upload-", ".part");
		OutputStream out = Files.newOutputStream(partial);
		return new Upload() {

			private boolean finished;

			@Override
			public void write(int b) throws IOException {
				out.write(b);
			}

			@Override
			public void write(byte[] bytes, int offset, int length) throws IOException {
				out.write(bytes, offset, length);
			}

			@Override
			public void close() throws IOException {
				if (this.finished) {
					return;
				}
				this.finished = true;
				out.close();
				Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}

			@Override
			public void abort() {
				this.finished = true;
				try {
					out.close();
					Files.deleteIfExists(partial);
				}
				catch (IOException ex) {
					partial.toFile().deleteOnExit();
				}
			}

		};
	}

	@Override
	public InputStream open(String key) throws IOException {
		return Files.newInputStream(resolve(key));
	}

	@Override
	public Optional<Long> size(String key) throws IOException {
		try {
			return Optional.of(Files.size(resolve(key)));
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
	}

	@Override
	public void delete(String key) throws IOException {
		Files.deleteIfExists(resolve(key));
	}

	@Override
	public String describe() {
		return "the local directory " + this.root;
	}

	private Path resolve(String key) {
		Path path = this.root.resolve(key).normalize();
		if (!path.startsWith(this.root) || path.equals(this.root)) {
			throw new IllegalArgumentException("Object key outside the store: " + key);
		}
		return path;
	}

}
