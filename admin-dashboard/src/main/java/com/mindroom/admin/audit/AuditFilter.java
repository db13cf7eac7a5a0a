package com.mindroom.admin.audit;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.mindroom.common.db.Timestamps;
import com.mindroom.common.web.Problems;

/**
 * Which audit entries to show: by action (exact, or everything under a prefix such as
 * {@code instance}), actor email, account, outcome, target and a range of days (UTC,
 * inclusive). Blank fields do not filter.
 *
 * @param action the action or action prefix
 * @param actor part of the actor's email
 * @param account the account the entries are about
 * @param outcome {@code success}, {@code denied} or {@code failure}
 * @param target the target id
 * @param from the first day
 * @param to the last day
 */
public record AuditFilter(String action, String actor, String account, String outcome, String target, String from,
		String to) {

	static final Set<String> OUTCOMES = Set.of("success", "denied", "failure");

	static final String WHERE = """
			(cast(:action as text) is null or action = :action or action like :action || '.%')
			and (cast(:actor as text) is null or actor_email ilike :actor escape '\\')
			and (cast(:account as uuid) is null or account_id = :account)
			and (cast(:outcome as text) is null or outcome = :outcome)
			and (cast(:target as text) is null or target_id = :target)
			and (cast(:from as timestamptz) is null or occurred_at >= :from)
			and (cast(:to as timestamptz) is null or occurred_at < :to)
			""";

	/**
	 * The filter as named SQL parameters for {@link #WHERE}, checked.
	 * @return the parameters
	 */
	Map<String, Object> parameters() {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("action", blankToNull(this.action));
		params.put("actor", com.mindroom.admin.web.SqlPatterns.contains(this.actor));
		params.put("account", uuid(this.account));
		String result = blankToNull(this.outcome);
		if (result != null && !OUTCOMES.contains(result)) {
			throw Problems.badRequest("outcome must be one of " + OUTCOMES);
		}
		params.put("outcome", result);
		params.put("target", blankToNull(this.target));
		LocalDate first = day(this.from);
		LocalDate last = day(this.to);
		params.put("from", (first != null) ? Timestamps.toDb(first.atStartOfDay(ZoneOffset.UTC).toInstant()) : null);
		params.put("to",
				(last != null) ? Timestamps.toDb(last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()) : null);
		return params;
	}

	private static UUID uuid(String value) {
		String id = blankToNull(value);
		try {
			return (id != null) ? UUID.fromString(id) : null;
		}
		catch (IllegalArgumentException ex) {
			throw Problems.badRequest("account must be an account id (a UUID).");
		}
	}

	private static LocalDate day(String value) {
		String text = blankToNull(value);
		try {
			return (text != null) ? LocalDate.parse(text) : null;
		}
		catch (DateTimeParseException ex) {
			throw Problems.badRequest("Dates are written YYYY-MM-DD.");
		}
	}

	private static String blankToNull(String value) {
		return (value != null && !value.isBlank()) ? value.trim() : null;
	}

}
