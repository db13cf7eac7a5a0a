package com.mindroom.provisioner.chart;

import java.util.Map;
import java.util.concurrent.CountDownLatch;

import tools.jackson.databind.json.JsonMapper;

/**
 * A process that renders the instance chart once, as the provisioner does on every
 * reconcile, says so, and then waits to be stopped (see {@link ShutdownSignalsTests}).
 */
final class RenderThenWait {

	static final String RENDERED = "rendered";

	private RenderThenWait() {
	}

	public static void main(String[] args) throws InterruptedException {
		InstanceChart chart = InstanceChart.load(
				new ChartProperties(null, "1.31.0", null, null, null, null, null, null, null, null, null, null),
				JsonMapper.builder().build());
		chart.template("probe", "mindroom-probe", Map.of());
		System.out.println(RENDERED);
		new CountDownLatch(1).await();
	}

}
