package com.mindroom.portal.usage;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.mindroom.common.plan.Limits;
import com.mindroom.portal.usage.BarChart.Unit;

import org.springframework.stereotype.Component;

/**
 * The dashboard's usage charts for the last 30 days: messages, active agents and storage,
 * each against the plan's limit.
 */
@Component
public class UsageCharts {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);

	private static final double GIGABYTE = 1_000_000_000d;

	private final Usage usage;

	UsageCharts(Usage usage) {
		this.usage = usage;
	}

	public List<BarChart> lastMonth(UUID accountId, Limits limits) {
		List<DayUsage> days = this.usage.lastDays(accountId, 30);
		List<String> labels = days.stream().map((day) -> DAY.format(day.day())).toList();
		return List.of(
				BarChart.of("Messages per day", labels, days.stream().map((day) -> (double) day.messages()).toList(),
						toDouble(limits.messagesPerDay()), Unit.COUNT),
				BarChart.of("Active agents", labels, days.stream().map((day) -> (double) day.activeAgents()).toList(),
						toDouble(limits.agents()), Unit.COUNT),
				BarChart.of("Storage", labels, days.stream().map((day) -> day.storageBytes() / GIGABYTE).toList(),
						toDouble(limits.storageGb()), Unit.GIGABYTES));
	}

	private static Double toDouble(Integer limit) {
		return (limit != null) ? limit.doubleValue() : null;
	}

}
