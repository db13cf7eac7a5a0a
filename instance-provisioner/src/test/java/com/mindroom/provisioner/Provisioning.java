package com.mindroom.provisioner;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mindroom.common.test.TestData;

import static org.awaitility.Awaitility.await;

/**
 * Test helpers around the instances table: seeding instances and waiting for the
 * provisioner to reach a state.
 */
public final class Provisioning {

	private final TestData data;

	public Provisioning(TestData data) {
		this.data = data;
	}

	public TestData data() {
		return this.data;
	}

	/**
	 * Seeds an active subscription of the plan and its instance, which should run.
	 * @param plan the plan id
	 * @param slugPrefix the start of the slug
	 * @return the instance id
	 */
	public UUID instance(String plan, String slugPrefix) {
		UUID account = this.data.account(slugPrefix);
		UUID subscription = this.data.subscription(account, "active", plan);
		return this.data.instance(account, subscription, slugPrefix);
	}

	public Map<String, Object> row(UUID instanceId) {
		return this.data.jdbc()
			.sql("select * from mindroom.instances where id = ?")
			.param(instanceId)
			.query()
			.singleRow();
	}

	public String observed(UUID instanceId) {
		return (String) row(instanceId).get("observed_state");
	}

	public String namespace(UUID instanceId) {
		return (String) row(instanceId).get("namespace");
	}

	/**
	 * Waits until the instance is observed in the state at its current generation.
	 * @param instanceId the instance
	 * @param state the observed state
	 */
	public void awaitObserved(UUID instanceId, String state) {
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			Map<String, Object> row = row(instanceId);
			return state.equals(row.get("observed_state"))
					&& row.get("observed_generation").equals(row.get("generation"));
		});
	}

	/**
	 * Waits until the provisioner gave up on the instance for now.
	 * @param instanceId the instance
	 */
	public void awaitError(UUID instanceId) {
		await().atMost(Duration.ofSeconds(30)).until(() -> "error".equals(observed(instanceId)));
	}

	public List<String> events(UUID instanceId) {
		return this.data.jdbc()
			.sql("select kind || ': ' || message from mindroom.instance_events where instance_id = ? order by id")
			.param(instanceId)
			.query(String.class)
			.list();
	}

	/**
	 * Makes the instance due at once, as the periodic sweep does.
	 * @param instanceId the instance
	 */
	public void sweep(UUID instanceId) {
		this.data.jdbc()
			.sql("update mindroom.instances set next_attempt_at = now() where id = ?")
			.param(instanceId)
			.update();
	}

}
