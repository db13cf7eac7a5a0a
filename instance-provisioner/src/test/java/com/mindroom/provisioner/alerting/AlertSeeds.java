package com.mindroom.provisioner.alerting;

import java.util.UUID;

import com.mindroom.common.test.TestData;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Seeds the states the alerts look for: instances that have been in a state for a while,
 * backups, restore drills, Stripe events and admins.
 */
final class AlertSeeds {

	private final TestData data;

	AlertSeeds(TestData data) {
		this.data = data;
	}

	/** Starts from an empty platform (the database is shared by a test class). */
	AlertSeeds clear() {
		for (String table : new String[] { "alert_incidents", "notification_outbox", "stripe_events", "accounts" }) {
			jdbc().sql("delete from mindroom." + table).update();
		}
		return this;
	}

	JdbcClient jdbc() {
		return this.data.jdbc();
	}

	UUID instance(String name, String state, int minutesInState) {
		UUID account = this.data.account(name);
		UUID instance = this.data.instance(account, this.data.subscription(account, "active", "starter"), name);
		inState(instance, state, minutesInState);
		return instance;
	}

	void inState(UUID instance, String state, int minutesInState) {
		jdbc().sql("""
				update mindroom.instances set observed_state = ?, observed_generation = generation,
				    last_error = case when ? = 'error' then 'ImagePullBackOff' end where id = ?
				""").params(state, state, instance).update();
		// a later statement: the trigger stamps the change of state with now()
		jdbc().sql("update mindroom.instances set observed_state_since = now() - make_interval(mins => ?) where id = ?")
			.params(minutesInState, instance)
			.update();
	}

	void backup(UUID instance, String status, int startedMinutesAgo, int deadlineInMinutes, String error) {
		jdbc().sql("""
				insert into mindroom.backups (instance_id, account_id, status, started_at, deadline_at, error)
				select id, account_id, ?, now() - make_interval(mins => ?), now() + make_interval(mins => ?), ?
				from mindroom.instances where id = ?
				""").params(status, startedMinutesAgo, deadlineInMinutes, error, instance).update();
	}

	/** Makes the instance as old as given, and so its wait for a first backup. */
	void created(UUID instance, int hoursAgo) {
		jdbc().sql("update mindroom.instances set created_at = now() - make_interval(hours => ?) where id = ?")
			.params(hoursAgo, instance)
			.update();
	}

	UUID succeededBackup(UUID instance, int finishedHoursAgo) {
		UUID backup = UUID.randomUUID();
		jdbc().sql("""
				insert into mindroom.backups (id, instance_id, account_id, status, started_at, deadline_at, finished_at)
				select ?, id, account_id, 'succeeded', now() - make_interval(hours => ?) - interval '5 minutes',
				    now() - make_interval(hours => ?) + interval '1 hour', now() - make_interval(hours => ?)
				from mindroom.instances where id = ?
				""").params(backup, finishedHoursAgo, finishedHoursAgo, finishedHoursAgo, instance).update();
		return backup;
	}

	void drill(UUID backup, String status, int finishedHoursAgo, Boolean checksumVerified, String error) {
		jdbc().sql("""
				insert into mindroom.restores (instance_id, account_id, backup_id, kind, status, phase, started_at,
				    finished_at, checksum_verified, error, actor)
				select instance_id, account_id, id, 'drill', ?, 'done', now() - make_interval(hours => ?),
				    now() - make_interval(hours => ?), ?, ?, 'restore-drill'
				from mindroom.backups where id = ?
				""").params(status, finishedHoursAgo, finishedHoursAgo, checksumVerified, error, backup).update();
	}

	void failedStripeEvent() {
		jdbc().sql("""
				insert into mindroom.stripe_events (id, type, stripe_created_at, payload, status, last_error)
				values (?, 'invoice.paid', now(), '{}', 'failed', 'No account is linked to the customer')
				""").param("evt_" + UUID.randomUUID().toString().replace("-", "")).update();
	}

	UUID admin(String name, String status) {
		UUID admin = this.data.account(name);
		jdbc().sql("""
				update mindroom.accounts set is_admin = true, status = ?,
				    deleted_at = case when ? = 'deleted' then now() end where id = ?
				""").params(status, status, admin).update();
		return admin;
	}

}
