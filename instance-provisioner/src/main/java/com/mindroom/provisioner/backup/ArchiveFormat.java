package com.mindroom.provisioner.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The archive inside a backup: a tar of each volume under its name
 * ({@code mindroom-data/...}, {@code matrix-data/...}) with files, directories, symbolic
 * links and permissions, read back into a staging directory inside each volume, never
 * outside it.
 */
final class ArchiveFormat {

	/** Where a restore stages a volume's content before it replaces the old one. */
	static final String STAGING = ".mindroom-restore";

	private ArchiveFormat() {
	}

	/**
	 * Writes the volumes as a tar.
	 * @param volumes each volume's name and directory
	 * @param out where the tar goes (left open)
	 * @return how many files were written
	 * @throws IOException when a file cannot be read
	 */
	static long write(Map<String, Path> volumes, OutputStream out) throws IOException {
		TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
		tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
		tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
		long files = 0;
		for (Map.Entry<String, Path> volume : volumes.entrySet()) {
			List<Path> paths;
			try (Stream<Path> walk = Files.walk(volume.getValue())) {
				paths = walk.filter((path) -> !path.equals(volume.getValue()))
					.filter((path) -> !volume.getValue().relativize(path).startsWith(STAGING))
					.sorted()
					.toList();
			}
			for (Path path : paths) {
				String name = volume.getKey() + "/" + volume.getValue().relativize(path).toString().replace('\\', '/');
				files += add(tar, path, name) ? 1 : 0;
			}
		}
		tar.finish();
		return files;
	}

	private static boolean add(TarArchiveOutputStream tar, Path path, String name) throws IOException {
		TarArchiveEntry entry;
		if (Files.isSymbolicLink(path)) {
			entry = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
			entry.setLinkName(Files.readSymbolicLink(path).toString());
		}
		else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
			entry = new TarArchiveEntry(path, name + "/", LinkOption.NOFOLLOW_LINKS);
		}
		else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
			entry = new TarArchiveEntry(path, name, LinkOption.NOFOLLOW_LINKS);
		}
		else {
			return false;
		}
		// commons-compress counts a symbolic link as a file: only regular files have
		// content
		boolean regular = !entry.isSymbolicLink() && !entry.isDirectory();
		if (!entry.isSymbolicLink() && Files.getFileStore(path).supportsFileAttributeView("posix")) {
			int type = regular ? TarArchiveEntry.DEFAULT_FILE_MODE : TarArchiveEntry.DEFAULT_DIR_MODE;
			entry.setMode((type & ~0777) | mode(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS)));
		}
		tar.putArchiveEntry(entry);
		if (regular) {
			Files.copy(path, tar);
		}
		tar.closeArchiveEntry();
		return regular;
	}

	/**
	 * Reads a tar into each volume's staging directory.
	 * @param in the tar (read to its end)
	 * @param volumes each volume's name and directory
	 * @return how many files were read
	 * @throws IOException when the archive is damaged or names a path outside its volume
	 */
	static long extract(InputStream in, Map<String, Path> volumes) throws IOException {
		for (Path volume : volumes.values()) {
			deleteTree(volume.resolve(STAGING));
			Files.createDirectories(volume.resolve(STAGING));
		}
		TarArchiveInputStream tar = new TarArchiveInputStream(in);
		long files = 0;
		for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
			files += extract(tar, entry, volumes) ? 1 : 0;
		}
		return files;
	}

	private static boolean extract(TarArchiveInputStream tar, TarArchiveEntry entry, Map<String, Path> volumes)
			throws IOException {
		String name = entry.getName();
		int slash = name.indexOf('/');
		Path volume = (slash > 0) ? volumes.get(name.substring(0, slash)) : null;
		if (volume == null) {
			return false;
		}
		Path staging = volume.resolve(STAGING);
		Path target = staging.resolve(name.substring(slash + 1)).normalize();
		if (!target.startsWith(staging)) {
			throw new IOException("The archive names a path outside its volume: " + name);
		}
		if (entry.isDirectory()) {
			Files.createDirectories(target);
		}
		else if (entry.isSymbolicLink()) {
			Files.createDirectories(target.getParent());
			Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
		}
		else if (entry.isFile()) {
			Files.createDirectories(target.getParent());
			Files.copy(tar, target);
		}
		else {
			return false;
		}
		if (!entry.isSymbolicLink()) {
			// readable and writable for the volume's group, as the kubelet's fsGroup
			// handling leaves them, so the instance's own user can use what the agent
			// restored; a directory stays open to its owner so its files can be restored
			permissions(target, entry.isDirectory() ? entry.getMode() | 0770 : entry.getMode() | 0060);
		}
		return !entry.isDirectory() && !entry.isSymbolicLink();
	}

	/**
	 * Replaces each volume's content with its staged copy.
	 * @param volumes each volume's name and directory
	 * @throws IOException when a file cannot be moved
	 */
	static void swapIn(Map<String, Path> volumes) throws IOException {
		for (Path volume : volumes.values()) {
			Path staging = volume.resolve(STAGING);
			try (Stream<Path> old = Files.list(volume)) {
				for (Path path : old.filter((path) -> !path.equals(staging)).toList()) {
					deleteTree(path);
				}
			}
			try (Stream<Path> restored = Files.list(staging)) {
				for (Path path : restored.toList()) {
					Files.move(path, volume.resolve(path.getFileName()));
				}
			}
			Files.delete(staging);
		}
	}

	/**
	 * Discards what a failed restore staged; the volumes keep their content.
	 * @param volumes each volume's name and directory
	 * @throws IOException when a file cannot be deleted
	 */
	static void discard(Map<String, Path> volumes) throws IOException {
		for (Path volume : volumes.values()) {
			deleteTree(volume.resolve(STAGING));
		}
	}

	private static void permissions(Path path, int mode) throws IOException {
		if (Files.getFileStore(path).supportsFileAttributeView("posix")) {
			Set<PosixFilePermission> permissions = PosixFilePermissions.fromString(rwx(mode));
			Files.setPosixFilePermissions(path, permissions);
		}
	}

	private static int mode(Set<PosixFilePermission> permissions) {
		String rwx = PosixFilePermissions.toString(permissions);
		int mode = 0;
		for (int i = 0; i < rwx.length(); i++) {
			mode = (mode << 1) | ((rwx.charAt(i) != '-') ? 1 : 0);
		}
		return mode;
	}

	private static String rwx(int mode) {
		String letters = "rwxrwxrwx";
		StringBuilder text = new StringBuilder();
		for (int bit = 8; bit >= 0; bit--) {
			text.append(((mode >> bit) & 1) == 1 ? letters.charAt(8 - bit) : '-');
		}
		return text.toString();
	}

	// not FileSystemUtils.deleteRecursively: that checks existence through links and
	// leaves a dangling symbolic link (which a backup may hold) in place
	private static void deleteTree(Path path) throws IOException {
		if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(path)) {
			for (Path each : walk.sorted((a, b) -> b.compareTo(a)).toList()) {
				Files.delete(each);
			}
		}
	}

}
