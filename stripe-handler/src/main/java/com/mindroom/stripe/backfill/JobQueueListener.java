package com.mindroom.stripe.backfill;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mindroom.stripe.system.StripeHandlerProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Wakes {@link BillingJobs} as soon as a Stripe job is queued: listens on the
 * {@code job_queued} channel (one held connection) and runs the due jobs on each
 * notification for a {@code stripe.*} kind, and at the poll interval anyway. A lost
 * connection is re-opened after a pause.
 */
@Component
@ConditionalOnBooleanProperty(name = "mindroom.stripe-handler.jobs.listen", matchIfMissing = true)
class JobQueueListener implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(JobQueueListener.class);

	private static final Duration RECONNECT_PAUSE = Duration.ofSeconds(5);

	private final DataSource dataSource;

	private final BillingJobs jobs;

	private final Duration pollInterval;

	private volatile Thread thread;

	JobQueueListener(DataSource dataSource, BillingJobs jobs, StripeHandlerProperties properties) {
		this.dataSource = dataSource;
		this.jobs = jobs;
		this.pollInterval = properties.jobs().pollInterval();
	}

	@Override
	public void start() {
		Thread listener = new Thread(this::listen, "stripe-job-listener");
		listener.setDaemon(true);
		this.thread = listener;
		listener.start();
	}

	@Override
	public void stop() {
		Thread running = this.thread;
		this.thread = null;
		if (running != null) {
			running.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.thread != null;
	}

	private void listen() {
		while (this.thread == Thread.currentThread()) {
			try (Connection connection = this.dataSource.getConnection()) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("LISTEN job_queued");
				}
				PGConnection notifications = connection.unwrap(PGConnection.class);
				this.jobs.runDue();
				while (this.thread == Thread.currentThread()) {
					PGNotification[] received = notifications.getNotifications((int) this.pollInterval.toMillis());
					if (received == null || received.length == 0 || concernsUs(received)) {
						this.jobs.runDue();
					}
				}
			}
			catch (SQLException | RuntimeException ex) {
				if (this.thread == Thread.currentThread()) {
					logger.warn("Job queue listener lost its connection ({}); reconnecting in {} s", ex.getMessage(),
							RECONNECT_PAUSE.toSeconds());
					pause();
				}
			}
		}
	}

	private static boolean concernsUs(PGNotification[] received) {
		for (PGNotification notification : received) {
			if (notification.getParameter().startsWith("stripe.")) {
				return true;
			}
		}
		return false;
	}

	private void pause() {
		try {
			Thread.sleep(RECONNECT_PAUSE.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
