package com.mindroom.stripe.backfill;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.stripe.model.Event;
import com.stripe.model.StripeCollection;
import com.stripe.param.EventListParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mindroom.stripe.api.StripeApi;
import com.mindroom.stripe.billing.HandledEvents;
import com.mindroom.stripe.inbox.EventInbox;
import com.mindroom.stripe.inbox.Receipt;
import com.mindroom.stripe.inbox.Source;
import com.mindroom.stripe.system.StripeHandlerProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Lists the Stripe events of the handled types created since shortly before the newest
 * one stored (within Stripe's 30-day window), page by page, and feeds each one not stored
 * yet through the inbox, oldest first, exactly as if it had been delivered. Running it
 * twice changes nothing the second time.
 */
@Component
public class EventBackfill {

	private static final Logger logger = LoggerFactory.getLogger(EventBackfill.class);

	private final StripeApi api;

	private final EventInbox inbox;

	private final JdbcClient jdbc;

	private final StripeHandlerProperties.Backfill settings;

	private final Clock clock;

	EventBackfill(StripeApi api, EventInbox inbox, JdbcClient jdbc, StripeHandlerProperties properties, Clock clock) {
		this.api = api;
		this.inbox = inbox;
		this.jdbc = jdbc;
		this.settings = properties.backfill();
		this.clock = clock;
	}

	/**
	 * Runs one backfill.
	 * @return what it did (for the job result)
	 */
	public Map<String, Object> run() {
		Instant since = since();
		List<Event> missing = new ArrayList<>();
		int listed = 0;
		int pages = 0;
		String after = null;
		boolean more = true;
		while (more) {
			EventListParams.Builder params = EventListParams.builder()
				.setCreated(EventListParams.Created.builder().setGte(since.getEpochSecond()).build())
				.addAllType(HandledEvents.TYPES);
			StripeCollection<Event> page = this.api.events((after != null) ? params.setStartingAfter(after) : params);
			pages++;
			for (Event event : page.getData()) {
				listed++;
				if (!this.inbox.isStored(event.getId())) {
					missing.add(event);
				}
				after = event.getId();
			}
			more = Boolean.TRUE.equals(page.getHasMore()) && !page.getData().isEmpty();
		}
		missing.sort(Comparator.comparing(Event::getCreated));
		int failed = 0;
		for (Event event : missing) {
			failed += (this.inbox.receive(event, event.toJson(), Source.BACKFILL) == Receipt.FAILED) ? 1 : 0;
		}
		logger.info("Stripe backfill since {}: {} event(s) listed on {} page(s), {} stored, {} failed to apply", since,
				listed, pages, missing.size(), failed);
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("since", since.toString());
		result.put("listed", listed);
		result.put("pages", pages);
		result.put("stored", missing.size());
		result.put("failed", failed);
		return result;
	}

	private Instant since() {
		Instant floor = this.clock.instant().minus(this.settings.window());
		Instant newest = this.jdbc.sql("select max(stripe_created_at) from stripe_events")
			.query(OffsetDateTime.class)
			.optional()
			.map(OffsetDateTime::toInstant)
			.orElse(null);
		if (newest == null) {
			return floor;
		}
		Instant start = newest.minus(this.settings.overlap());
		return start.isAfter(floor) ? start : floor;
	}

}
