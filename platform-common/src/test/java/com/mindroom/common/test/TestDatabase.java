package com.mindroom.common.test;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A migrated database of the test server, owned by one test class.
 *
 * @param name the database name
 * @param jdbcUrl its JDBC URL
 * @param username the (owner) user
 * @param password the password
 */
public record TestDatabase(String name, String jdbcUrl, String username, String password) {

	/**
	 * A data source connecting as the owner; tests act as an application role with
	 * {@code SET ROLE}.
	 * @return a new data source
	 */
	public DataSource dataSource() {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(this.jdbcUrl, this.username, this.password);
		dataSource.setSchema("mindroom");
		return dataSource;
	}

	/**
	 * A small pool whose connections act as an application role, as a service's pool does
	 * ({@code mindroom_portal} or {@code mindroom_service}). Close it after the test.
	 * @param role the role
	 * @return the pool
	 */
	public HikariDataSource dataSourceAs(String role) {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(this.jdbcUrl);
		pool.setUsername(this.username);
		pool.setPassword(this.password);
		pool.setSchema("mindroom");
		pool.setConnectionInitSql("SET ROLE " + role);
		pool.setMaximumPoolSize(4);
		return pool;
	}

}
