package com.mindroom.common.test;

import javax.sql.DataSource;

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

}
