package com.mindroom.provisioner.simulation;

import java.time.LocalDate;
import java.util.Optional;
import java.util.SplittableRandom;

import io.fabric8.kubernetes.api.model.Quantity;

import com.mindroom.common.plan.Plan;
import com.mindroom.common.plan.PlanCatalog;
import com.mindroom.provisioner.health.InstanceProbe;
import com.mindroom.provisioner.health.MonitoredInstance;

/**
 * The instance side of the simulated cluster, where no MindRoom runs: there is no health
 * endpoint to ask (ready replicas decide alone), and each day's usage is made up
 * deterministically from the instance and the day, within the plan's limits, so a demo
 * shows plausible, repeatable numbers.
 */
public class SimulatedInstanceProbe implements InstanceProbe {

	private static final int UNLIMITED_MESSAGES = 20_000;

	private static final int UNLIMITED_AGENTS = 25;

	private final PlanCatalog plans;

	public SimulatedInstanceProbe(PlanCatalog plans) {
		this.plans = plans;
	}

	@Override
	public Optional<HttpHealth> health(MonitoredInstance instance) {
		return Optional.empty();
	}

	@Override
	public Usage usage(MonitoredInstance instance, LocalDate day) {
		Plan plan = this.plans.require(instance.plan());
		SplittableRandom random = new SplittableRandom(
				instance.id().getMostSignificantBits() ^ instance.id().getLeastSignificantBits() ^ day.toEpochDay());
		int messageLimit = (plan.limits().messagesPerDay() != null) ? plan.limits().messagesPerDay()
				: UNLIMITED_MESSAGES;
		int agentLimit = (plan.limits().agents() != null) ? plan.limits().agents() : UNLIMITED_AGENTS;
		long volume = Quantity.getAmountInBytes(new Quantity(plan.resources().volumeSize())).longValue();
		long messages = random.nextLong(messageLimit / 10, messageLimit * 8L / 10 + 1);
		int agents = 1 + random.nextInt(agentLimit);
		long storage = random.nextLong(volume / 50, volume / 4 + 1);
		return new Usage(messages, agents, storage);
	}

}
