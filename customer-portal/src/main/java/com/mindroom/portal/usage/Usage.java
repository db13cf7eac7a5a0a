package com.mindroom.portal.usage;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import com.mindroom.common.db.TenantTransactions;
import com.mindroom.common.web.Problems;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the caller's daily usage (collected by the provisioner), one row for every day of
 * the period, with zeros where nothing was collected.
 */
@Component
public class Usage {

	static final int MAX_DAYS = 365;

	private final JdbcClient jdbc;

	private final TenantTransactions transactions;

	private final Clock clock;

	Usage(JdbcClient jdbc, TenantTransactions transactions, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * The last days of usage, oldest first, ending today.
	 * @param accountId the caller
	 * @param days how many days (1 to 365)
	 * @return one entry per day
	 */
	public List<DayUsage> lastDays(UUID accountId, int days) {
		if (days < 1 || days > MAX_DAYS) {
			throw Problems.badRequest("days must be between 1 and " + MAX_DAYS);
		}
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		LocalDate first = today.minusDays(days - 1L);
		return this.transactions.asAccount(accountId,
				() -> this.jdbc.sql("""
						select d::date as day, coalesce(sum(u.messages), 0) as messages,
						       coalesce(max(u.active_agents), 0) as agents, coalesce(sum(u.storage_bytes), 0) as storage
						from generate_series(cast(? as date), cast(? as date), interval '1 day') d
						left join usage_daily u on u.day = d::date and u.account_id = ?
						group by d order by d
						""")
					.params(first, today, accountId)
					.query((rs, row) -> new DayUsage(rs.getObject("day", LocalDate.class), rs.getLong("messages"),
							rs.getInt("agents"), rs.getLong("storage")))
					.list());
	}

}
