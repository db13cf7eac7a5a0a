package com.mindroom.portal.usage;

import java.time.LocalDate;

/**
 * The caller's usage on one day, over all their instances.
 *
 * @param day the day (UTC)
 * @param messages messages sent
 * @param activeAgents the most agents active
 * @param storageBytes storage used
 */
public record DayUsage(LocalDate day, long messages, int activeAgents, long storageBytes) {

}
