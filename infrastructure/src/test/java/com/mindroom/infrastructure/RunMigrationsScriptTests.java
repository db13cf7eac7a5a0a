package com.mindroom.infrastructure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

import com.mindroom.infrastructure.ScriptSandbox.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * scripts/run-migrations.sh: the connection reaches Flyway through the environment only,
 * and Flyway (the real one, through the Maven wrapper) migrates a fresh database once and
 * then finds nothing to do.
 */
class RunMigrationsScriptTests {

	private static final String SCRIPT = "scripts/run-migrations.sh";

	private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

	@TempDir
	Path temp;

	@Test
	void handsTheDecodedCredentialsToFlywayThroughTheEnvironmentOnly() throws IOException {
		ScriptSandbox sandbox = new ScriptSandbox(this.temp);
		Result result = sandbox.run(SCRIPT);

		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(Files.readAllLines(sandbox.stubState().resolve("flyway-env"))).containsExactly(
				"FLYWAY_PASSWORD=" + ScriptSandbox.SECRETS.get("DB_PASSWORD"),
				"FLYWAY_URL=jdbc:postgresql://aws-0-eu-central-1.pooler.supabase.com:5432/postgres",
				"FLYWAY_USER=postgres.abcdefgh");
		assertThat(result.calls()).singleElement().asString().endsWith("infrastructure/pom.xml flyway:migrate");
		assertThat(result.output()).doesNotContain(ScriptSandbox.SECRETS.get("DB_PASSWORD"));
	}

	@Test
	void migratesAFreshDatabaseOnceThenFindsNothingToDo() throws Exception {
		String database = "ops_migrations_" + ProcessHandle.current().pid();
		execute("postgres", "drop database if exists " + database);
		execute("postgres", "create database " + database);
		try {
			ScriptSandbox sandbox = new ScriptSandbox(this.temp)
				.set("SUPABASE_DB_URL", "postgresql://postgres@127.0.0.1:5432/" + database)
				.set("MAVEN", ScriptSandbox.REPOSITORY.resolve("mvnw").toString());

			Result first = sandbox.runReal(SCRIPT);
			int applied = countApplied(database);
			Result second = sandbox.runReal(SCRIPT);

			assertThat(first.exitCode()).as(first.output()).isZero();
			assertThat(applied).isEqualTo(migrationFiles());
			assertThat(second.exitCode()).as(second.output()).isZero();
			assertThat(second.output()).contains("is up to date");
			assertThat(countApplied(database)).isEqualTo(applied);
		}
		finally {
			execute("postgres", "drop database if exists " + database + " with (force)");
		}
	}

	private static long migrationFiles() throws IOException {
		try (Stream<Path> files = Files.list(ScriptSandbox.REPOSITORY.resolve("db/migrations"))) {
			return files.filter((file) -> file.getFileName().toString().matches("V\\d+__.+\\.sql")).count();
		}
	}

	private static int countApplied(String database) throws SQLException {
		try (Connection connection = DriverManager.getConnection(SERVER + database, "postgres", "");
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(
						"select count(*) from mindroom.flyway_schema_history where success and version is not null")) {
			rows.next();
			return rows.getInt(1);
		}
	}

	private static void execute(String database, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(SERVER + database, "postgres", "");
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
