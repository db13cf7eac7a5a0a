package com.mindroom.provisioner.reconcile;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Listens on the {@code instance_changed} channel (notified by the instances table's
 * triggers when a desired state changes or work becomes due) and wakes the reconcile loop
 * at once; reconnects after a lost connection and wakes the loop then too, since
 * notifications may have been missed meanwhile.
 */
public class ChangeListener implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(ChangeListener.class);

	private static final int POLL_MILLIS = 1000;

	private static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(30);

	private final DataSource dataSource;

	private final Runnable onChange;

	private volatile boolean running;

	private Thread thread;

	public ChangeListener(DataSource dataSource, Runnable onChange) {
		this.dataSource = dataSource;
		this.onChange = onChange;
	}

	@Override
	public synchronized void start() {
		if (!this.running) {
			this.running = true;
			this.thread = new Thread(this::listen, "instance-changed-listener");
			this.thread.setDaemon(true);
			this.thread.start();
		}
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.thread != null) {
			this.thread.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void listen() {
		Duration delay = Duration.ofSeconds(1);
		while (this.running) {
			try (Connection connection = this.dataSource.getConnection()) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("listen instance_changed");
				}
				PGConnection postgres = connection.unwrap(PGConnection.class);
				logger.info("Listening for instance changes");
				delay = Duration.ofSeconds(1);
				this.onChange.run();
				receive(postgres);
			}
			catch (SQLException ex) {
				if (this.running) {
					logger.warn("Lost the instance change listener ({}); reconnecting in {}", ex.getMessage(), delay);
					pause(delay);
					delay = (delay.compareTo(MAX_RECONNECT_DELAY) < 0) ? delay.multipliedBy(2) : MAX_RECONNECT_DELAY;
				}
			}
		}
	}

	private void receive(PGConnection postgres) throws SQLException {
		while (this.running) {
			PGNotification[] notifications = postgres.getNotifications(POLL_MILLIS);
			if (notifications != null && notifications.length > 0) {
				this.onChange.run();
			}
		}
	}

	private void pause(Duration delay) {
		try {
			Thread.sleep(delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
