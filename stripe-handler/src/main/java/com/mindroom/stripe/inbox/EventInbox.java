package com.mindroom.stripe.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.stripe.model.Event;
import com.stripe.net.Webhook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mindroom.common.db.Timestamps;
import com.mindroom.stripe.billing.CannotApplyException;
import com.mindroom.stripe.billing.CustomerLinked;
import com.mindroom.stripe.billing.EventApplier;
import com.mindroom.stripe.billing.EventOutcome;
import com.mindroom.stripe.billing.PreparedEvent;
import com.mindroom.stripe.system.StripeHandlerProperties;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores each Stripe event once and applies it in the same transaction: the insert is
 * keyed by Stripe's event id, so a repeated delivery (even concurrent ones) waits for the
 * first and then does nothing. An event that cannot be applied rolls that transaction
 * back and is then stored in a second one, with its error, attempt count and next attempt
 * time, and retried with exponential backoff; either way it is stored before the caller
 * gets an answer. A database that cannot be reached fails the whole call, so the caller
 * (Stripe) retries.
 */
@Component
public class EventInbox {

	private static final Logger logger = LoggerFactory.getLogger(EventInbox.class);

	private static final int MAX_ERROR_LENGTH = 1000;

	private final JdbcClient jdbc;

	private final EventApplier applier;

	private final TransactionTemplate transactions;

	private final StripeHandlerProperties.Inbox settings;

	private final Clock clock;

	EventInbox(JdbcClient jdbc, EventApplier applier, PlatformTransactionManager transactionManager,
			StripeHandlerProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.applier = applier;
		this.transactions = new TransactionTemplate(transactionManager);
		this.settings = properties.inbox();
		this.clock = clock;
	}

	/**
	 * Stores and applies an event unless it is stored already.
	 * @param event the verified event
	 * @param payload its JSON, as stored
	 * @param source how it arrived
	 * @return what became of it
	 * @throws MalformedEventException when the payload is not JSON the database accepts
	 */
	public Receipt receive(Event event, String payload, Source source) {
		if (this.applier.fetches(event) && isStored(event.getId())) {
			return Receipt.DUPLICATE;
		}
		Preparation preparation = prepare(event);
		Receipt receipt;
		try {
			receipt = this.transactions.execute((status) -> {
				EventOutcome expected = this.applier.expectedOutcome(event);
				if (!insert(event, payload, source, expected.dbValue())) {
					return Receipt.DUPLICATE;
				}
				return apply(event.getId(), preparation, 1, expected);
			});
		}
		catch (MalformedEventException | DataAccessResourceFailureException | CannotCreateTransactionException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			receipt = this.transactions.execute((status) -> insert(event, payload, source, "received")
					? markFailed(event.getId(), 1, describe(ex)) : Receipt.DUPLICATE);
		}
		logger.info("Stripe event {} ({}) from {}: {}", event.getId(), event.getType(), source.dbValue(),
				receipt.value());
		return receipt;
	}

	public boolean isStored(String eventId) {
		return this.jdbc.sql("select exists (select 1 from stripe_events where id = ?)")
			.param(eventId)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Retries the stored events whose next attempt is due, oldest Stripe time first.
	 * @return how many were attempted
	 */
	public int retryDue() {
		List<Due> due = this.jdbc.sql("""
				select id, payload::text as payload from stripe_events
				where status in ('received', 'failed') and next_attempt_at <= ?
				order by stripe_created_at, id limit ?
				""")
			.params(Timestamps.toDb(this.clock.instant()), this.settings.batch())
			.query((rs, row) -> new Due(rs.getString("id"), rs.getString("payload")))
			.list();
		due.forEach(this::retry);
		return due.size();
	}

	private void retry(Due due) {
		Event event;
		try {
			event = Webhook.constructEventWithoutVerification(due.payload());
		}
		catch (RuntimeException ex) {
			this.transactions.executeWithoutResult((status) -> markFailed(due.id(), this.settings.maxAttempts(),
					"The stored payload is not a readable event: " + describe(ex)));
			return;
		}
		Preparation preparation = prepare(event);
		Receipt receipt;
		try {
			receipt = this.transactions.execute((status) -> {
				Integer attempts = lockDue(due.id());
				return (attempts != null) ? apply(due.id(), preparation, attempts + 1, null) : null;
			});
		}
		catch (DataAccessResourceFailureException | CannotCreateTransactionException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			receipt = this.transactions.execute((status) -> {
				Integer attempts = lockDue(due.id());
				return (attempts != null) ? markFailed(due.id(), attempts + 1, describe(ex)) : null;
			});
		}
		if (receipt != null) {
			logger.info("Retried Stripe event {} ({}): {}", event.getId(), event.getType(), receipt.value());
		}
	}

	private Integer lockDue(String id) {
		return this.jdbc.sql("""
				select attempts from stripe_events
				where id = ? and status in ('received', 'failed') and next_attempt_at <= ?
				for update skip locked
				""").params(id, Timestamps.toDb(this.clock.instant())).query(Integer.class).optional().orElse(null);
	}

	/**
	 * Makes the failed events of a customer that was just linked due at once, in the
	 * linking transaction.
	 * @param linked the new link
	 */
	@EventListener
	void wakeEventsOf(CustomerLinked linked) {
		this.jdbc.sql("""
				update stripe_events set next_attempt_at = ?
				where status = 'failed' and payload -> 'data' -> 'object' ->> 'customer' = ?
				""").params(Timestamps.toDb(this.clock.instant()), linked.customerId()).update();
	}

	private Preparation prepare(Event event) {
		try {
			return new Preparation(this.applier.prepare(event), null);
		}
		catch (RuntimeException ex) {
			return new Preparation(null, describe(ex));
		}
	}

	/**
	 * Applies a stored event in the caller's transaction; any failure rolls the whole
	 * transaction back and is then recorded in a new one.
	 * @param id the event id
	 * @param preparation the prepared event
	 * @param attempt which attempt this is
	 * @param stored the outcome the row was stored with, or {@code null}
	 * @return the receipt
	 */
	private Receipt apply(String id, Preparation preparation, int attempt, EventOutcome stored) {
		if (preparation.error() != null) {
			throw new PreparationFailedException(preparation.error());
		}
		EventOutcome outcome = this.applier.apply(preparation.event());
		if (outcome != stored) {
			markDone(id, attempt, outcome);
		}
		return (outcome == EventOutcome.IGNORED) ? Receipt.IGNORED : Receipt.PROCESSED;
	}

	private boolean insert(Event event, String payload, Source source, String status) {
		boolean received = "received".equals(status);
		try {
			return this.jdbc
				.sql("""
						insert into stripe_events (id, type, api_version, livemode, stripe_created_at, source, status,
						    attempts, processed_at, payload, object_id)
						select ?, ?, ?, ?, ?, ?, ?, ?, ?, delivered.payload, delivered.payload -> 'data' -> 'object' ->> 'id'
						from (select cast(? as jsonb) as payload) as delivered
						on conflict (id) do nothing
						""")
				.params(event.getId(), event.getType(), event.getApiVersion(), Boolean.TRUE.equals(event.getLivemode()),
						Timestamps.toDb(Instant.ofEpochSecond(event.getCreated())), source.dbValue(), status,
						received ? 0 : 1, received ? null : Timestamps.toDb(this.clock.instant()), payload)
				.update() > 0;
		}
		catch (DataIntegrityViolationException ex) {
			throw new MalformedEventException(ex);
		}
	}

	private void markDone(String id, int attempts, EventOutcome outcome) {
		this.jdbc.sql("""
				update stripe_events set status = ?, attempts = ?, last_error = null, next_attempt_at = null,
				    processed_at = ?
				where id = ?
				""").params(outcome.dbValue(), attempts, Timestamps.toDb(this.clock.instant()), id).update();
	}

	private Receipt markFailed(String id, int attempts, String error) {
		Instant next = (attempts < this.settings.maxAttempts()) ? this.clock.instant().plus(backoff(attempts)) : null;
		this.jdbc
			.sql("update stripe_events set status = 'failed', attempts = ?, last_error = ?, next_attempt_at = ? "
					+ "where id = ?")
			.params(attempts, error, Timestamps.toDb(next), id)
			.update();
		logger.warn("Stripe event {} could not be applied (attempt {}{}): {}", id, attempts,
				(next != null) ? ", retrying at " + next : ", left for an admin", error);
		return Receipt.FAILED;
	}

	Duration backoff(int attempts) {
		Duration wait = this.settings.retryBackoff().multipliedBy(1L << Math.min(attempts - 1, 20));
		return (wait.compareTo(this.settings.retryBackoffMax()) > 0) ? this.settings.retryBackoffMax() : wait;
	}

	private static String describe(RuntimeException ex) {
		String message = (ex instanceof CannotApplyException || ex instanceof PreparationFailedException)
				? ex.getMessage() : ex.getClass().getSimpleName() + ": " + ex.getMessage();
		return (message.length() > MAX_ERROR_LENGTH) ? message.substring(0, MAX_ERROR_LENGTH) : message;
	}

	private static final class PreparationFailedException extends RuntimeException {

		PreparationFailedException(String message) {
			super(message);
		}

	}

	private record Due(String id, String payload) {

	}

	private record Preparation(PreparedEvent event, String error) {

	}

}
