package com.mindroom.common.test;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The checkout the tests run in (the directory holding {@code mvnw}), for files that live
 * outside a module: screenshots, the charts' lists.
 */
public final class Repository {

	private Repository() {
	}

	/**
	 * The repository's root, or the working directory when there is none above it.
	 * @return the root directory
	 */
	public static Path root() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
			dir = dir.getParent();
		}
		return (dir != null) ? dir : Path.of("").toAbsolutePath();
	}

}
