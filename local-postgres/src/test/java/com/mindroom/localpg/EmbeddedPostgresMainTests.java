package com.mindroom.localpg;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded PostgreSQL answers as {@code postgres} on the given port and keeps its
 * data across restarts, as a second local run expects.
 */
class EmbeddedPostgresMainTests {

	@Test
	void keepsDataAcrossRestarts(@TempDir Path data) throws Exception {
		int port = freePort();
		try (EmbeddedPostgres postgres = EmbeddedPostgresMain.start(port, data);
				Connection connection = connect(port)) {
			connection.createStatement().execute("create table kept (value text)");
			connection.createStatement().execute("insert into kept values ('still here')");
			EmbeddedPostgresMain.ensureDatabase(postgres, "mindroom");
			EmbeddedPostgresMain.ensureDatabase(postgres, "mindroom");
		}
		try (EmbeddedPostgres postgres = EmbeddedPostgresMain.start(port, data);
				Connection connection = connect(port);
				ResultSet rs = connection.createStatement().executeQuery("select value from kept")) {
			assertThat(rs.next()).isTrue();
			assertThat(rs.getString(1)).isEqualTo("still here");
			ResultSet databases = connection.createStatement()
				.executeQuery("select count(*) from pg_database where datname = 'mindroom'");
			databases.next();
			assertThat(databases.getInt(1)).isOne();
		}
	}

	private static Connection connect(int port) throws Exception {
		return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
	}

	private static int freePort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
