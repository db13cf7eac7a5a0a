package com.mindroom.common.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Hands out fresh, fully migrated databases on the test PostgreSQL server: the migrations
 * run once into a template database named after a hash of the migrations, and each test
 * class gets a clone of it (a file copy, fast). The server is the local PostgreSQL
 * ({@code MINDROOM_TEST_DB_URL}, default 127.0.0.1:5432) or, when that does not answer
 * and a Docker engine is available, a Testcontainers PostgreSQL.
 */
public final class TestDatabases {

	private static final Logger logger = LoggerFactory.getLogger(TestDatabases.class);

	private static final String PREFIX = "mindroom_t_";

	private static final Duration LEFTOVER_AGE = Duration.ofHours(3);

	private static final AtomicInteger counter = new AtomicInteger();

	private static TestDatabases instance;

	private final Server server;

	private final String template;

	private final List<String> created = new ArrayList<>();

	private TestDatabases(Server server) {
		this.server = server;
		this.template = "mindroom_tpl_" + migrationsHash();
		dropLeftovers();
		ensureTemplate();
		Runtime.getRuntime().addShutdownHook(new Thread(this::dropCreated, "drop-test-databases"));
	}

	/**
	 * Returns the shared instance, starting it on first use.
	 * @return the test databases of this JVM
	 */
	public static synchronized TestDatabases get() {
		if (instance == null) {
			instance = new TestDatabases(Server.find());
		}
		return instance;
	}

	/**
	 * Creates a new database cloned from the migrated template.
	 * @return the database
	 */
	public synchronized TestDatabase create() {
		return newDatabase(" template " + this.template);
	}

	/**
	 * Creates a new empty database, for tests of the migrations themselves.
	 * @return the database
	 */
	public synchronized TestDatabase createEmpty() {
		return newDatabase("");
	}

	private TestDatabase newDatabase(String options) {
		String name = PREFIX + Instant.now().getEpochSecond() + "_" + ProcessHandle.current().pid() + "_"
				+ counter.incrementAndGet();
		execute("create database " + name + options);
		this.created.add(name);
		return new TestDatabase(name, this.server.urlFor(name), this.server.username(), this.server.password());
	}

	private void ensureTemplate() {
		try (Connection admin = this.server.connect()) {
			try (Statement statement = admin.createStatement()) {
				statement.execute("select pg_advisory_lock(hashtext('mindroom-test-template'))");
				if (!exists(admin, this.template)) {
					createTemplate(admin, statement);
				}
				statement.execute("select pg_advisory_unlock(hashtext('mindroom-test-template'))");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not prepare the test database template", ex);
		}
	}

	private void createTemplate(Connection admin, Statement statement) throws SQLException {
		String building = this.template + "_build";
		statement.execute("drop database if exists " + building + " with (force)");
		statement.execute("create database " + building);
		Flyway.configure()
			.dataSource(this.server.urlFor(building), this.server.username(), this.server.password())
			.schemas("mindroom")
			.defaultSchema("mindroom")
			.locations("classpath:db/migrations")
			.load()
			.migrate();
		statement.execute("alter database " + building + " rename to " + this.template);
		logger.info("Created test database template {}", this.template);
		for (String old : names(admin, "mindroom_tpl_")) {
			if (!old.equals(this.template)) {
				statement.execute("drop database if exists " + old + " with (force)");
			}
		}
	}

	private void dropLeftovers() {
		long cutoff = Instant.now().minus(LEFTOVER_AGE).getEpochSecond();
		try (Connection admin = this.server.connect(); Statement statement = admin.createStatement()) {
			for (String name : names(admin, PREFIX)) {
				String[] parts = name.substring(PREFIX.length()).split("_");
				if (parts.length > 0 && parts[0].chars().allMatch(Character::isDigit)
						&& Long.parseLong(parts[0]) < cutoff) {
					statement.execute("drop database if exists " + name + " with (force)");
				}
			}
		}
		catch (SQLException ex) {
			logger.warn("Could not drop leftover test databases: {}", ex.getMessage());
		}
	}

	private synchronized void dropCreated() {
		try (Connection admin = this.server.connect(); Statement statement = admin.createStatement()) {
			for (String name : this.created) {
				statement.execute("drop database if exists " + name + " with (force)");
			}
		}
		catch (SQLException ex) {
			logger.warn("Could not drop test databases: {}", ex.getMessage());
		}
	}

	private void execute(String sql) {
		try (Connection admin = this.server.connect(); Statement statement = admin.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Test database statement failed: " + sql, ex);
		}
	}

	private static boolean exists(Connection admin, String name) throws SQLException {
		try (var query = admin.prepareStatement("select 1 from pg_database where datname = ?")) {
			query.setString(1, name);
			try (ResultSet rs = query.executeQuery()) {
				return rs.next();
			}
		}
	}

	private static List<String> names(Connection admin, String prefix) throws SQLException {
		List<String> names = new ArrayList<>();
		try (var query = admin.prepareStatement("select datname from pg_database where starts_with(datname, ?)")) {
			query.setString(1, prefix);
			try (ResultSet rs = query.executeQuery()) {
				while (rs.next()) {
					names.add(rs.getString(1));
				}
			}
		}
		return names;
	}

	private static String migrationsHash() {
		try {
			Resource[] resources = new PathMatchingResourcePatternResolver()
				.getResources("classpath*:db/migrations/*.sql");
			Arrays.sort(resources, Comparator.comparing(Resource::getFilename));
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (Resource resource : resources) {
				digest.update(resource.getFilename().getBytes());
				try (InputStream in = resource.getInputStream()) {
					digest.update(in.readAllBytes());
				}
			}
			return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The PostgreSQL server the test databases live on.
	 */
	private record Server(String baseUrl, String username, String password) {

		static Server find() {
			Server local = new Server(env("MINDROOM_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/postgres"),
					env("MINDROOM_TEST_DB_USER", "postgres"), env("MINDROOM_TEST_DB_PASSWORD", ""));
			try (Connection connection = local.connect()) {
				return local;
			}
			catch (SQLException ex) {
				if (DockerClientFactory.instance().isDockerAvailable()) {
					logger.info("Local PostgreSQL not answering ({}); starting one with Testcontainers",
							ex.getMessage());
					PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
					container.start();
					return new Server(container.getJdbcUrl(), container.getUsername(), container.getPassword());
				}
				throw new IllegalStateException(
						"No PostgreSQL for tests at " + local.baseUrl() + " and no Docker engine. "
								+ "Start it: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start",
						ex);
			}
		}

		Connection connect() throws SQLException {
			return DriverManager.getConnection(this.baseUrl, this.username, this.password);
		}

		String urlFor(String database) {
			int slash = this.baseUrl.lastIndexOf('/');
			int query = this.baseUrl.indexOf('?', slash);
			return this.baseUrl.substring(0, slash + 1) + database
					+ ((query >= 0) ? this.baseUrl.substring(query) : "");
		}

		private static String env(String name, String fallback) {
			String value = System.getenv(name);
			return (value != null && !value.isBlank()) ? value : fallback;
		}

	}

}
