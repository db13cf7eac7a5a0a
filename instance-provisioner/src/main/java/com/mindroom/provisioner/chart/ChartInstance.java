package com.mindroom.provisioner.chart;

import java.time.Instant;
import java.util.UUID;

/**
 * What the chart needs to know about one instance.
 *
 * @param id the instance id
 * @param accountId the owning account
 * @param slug the customer's slug
 * @param plan the plan id
 * @param host the instance's host name ({@code <slug>.<base-domain>})
 * @param matrixHost the homeserver's host name ({@code <slug>-matrix.<base-domain>})
 * @param running whether it should run (otherwise it is scaled to zero)
 * @param restartedAt the last restart request, if any
 */
public record ChartInstance(UUID id, UUID accountId, String slug, String plan, String host, String matrixHost,
		boolean running, Instant restartedAt) {

}
