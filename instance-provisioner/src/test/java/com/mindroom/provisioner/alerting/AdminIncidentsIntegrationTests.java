package com.mindroom.provisioner.alerting;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import com.mindroom.common.notification.MailTemplates;
import com.mindroom.common.notification.Notifications;
import com.mindroom.common.test.FreshDatabase;
import com.mindroom.common.test.TestData;
import com.mindroom.common.test.TestDatabase;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin incident emails against a real database: each condition that lasts is one
 * incident and one email per active admin however often it is evaluated, a cleared
 * condition resolves its incident, and one that comes back is a new incident; failed,
 * overdue and unrestorable backups are incidents of their own.
 */
@FreshDatabase
class AdminIncidentsIntegrationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private AlertSeeds seeds;

	private AlertConditions conditions;

	private AdminIncidents incidents;

	private UUID ops;

	private UUID oncall;

	@BeforeEach
	void setUp(TestDatabase database) {
		TestData data = new TestData(database.dataSource());
		this.seeds = new AlertSeeds(data).clear();
		JdbcClient jdbc = data.jdbc();
		this.conditions = conditions(jdbc, null);
		this.incidents = new AdminIncidents(jdbc,
				new TransactionTemplate(new DataSourceTransactionManager(database.dataSource())),
				new Notifications(jdbc, json), "https://app.mindroom.example.com/", true);
		this.ops = this.seeds.admin("ops", "active");
		this.oncall = this.seeds.admin("oncall", "active");
		this.seeds.admin("former", "suspended");
	}

	private static AlertConditions conditions(JdbcClient jdbc, String backupsNotTaken) {
		return new AlertConditions(new PlatformReadings(jdbc), new AlertingProperties(Duration.ofMinutes(1),
				Duration.ofMinutes(15), Duration.ofMinutes(10), Duration.ofHours(26), Duration.ofDays(8), true),
				backupsNotTaken);
	}

	private void evaluate() {
		this.incidents.record(this.conditions.current());
	}

	@Test
	void oneIncidentIsOneEmailPerAdminHoweverOftenItIsEvaluated() {
		UUID broken = this.seeds.instance("broken", "error", 20);
		this.seeds.instance("flaky", "error", 5);
		this.seeds.instance("fine", "running", 600);

		evaluate();
		evaluate();
		evaluate();

		assertThat(openKeys()).containsExactly("instance-error:" + broken);
		assertThat(this.seeds.jdbc()
			.sql("select page from mindroom.alert_incidents where alert_key = ?")
			.param("instance-error:" + broken)
			.query(String.class)
			.single()).isEqualTo("/admin/instances/" + broken);
		List<Map<String, Object>> emails = emails();
		assertThat(emails).extracting((e) -> e.get("account_id")).containsExactlyInAnyOrder(this.ops, this.oncall);
		assertThat(emails).allSatisfy((email) -> {
			assertThat((String) email.get("subject")).startsWith("MindRoom Cloud critical: Instance broken-")
				.contains(" is in error since ");
			assertThat(email.get("params").toString()).contains("Reason: ImagePullBackOff")
				.contains("https://app.mindroom.example.com/admin/instances/" + broken);
		});
		assertThat(this.seeds.jdbc()
			.sql("select count(*) from mindroom.alert_incidents where notified_at is not null")
			.query(Integer.class)
			.single()).isOne();
		assertThat(MailTemplates.render("admin_alert", Map.of("summary", "Instance broken is error")))
			.contains("Instance broken is error")
			.contains("only email about this incident");
	}

	@Test
	void aClearedConditionResolvesItsIncidentAndOneThatComesBackIsANewIncident() {
		UUID broken = this.seeds.instance("broken", "degraded", 30);
		evaluate();
		this.seeds.inState(broken, "running", 0);
		evaluate();

		assertThat(openKeys()).isEmpty();
		assertThat(this.seeds.jdbc()
			.sql("select count(*) from mindroom.alert_incidents where resolved_at is not null")
			.query(Integer.class)
			.single()).isOne();

		this.seeds.inState(broken, "degraded", 16);
		evaluate();
		evaluate();

		assertThat(openKeys()).containsExactly("instance-degraded:" + broken);
		assertThat(this.seeds.jdbc().sql("select count(*) from mindroom.alert_incidents").query(Integer.class).single())
			.isEqualTo(2);
		assertThat(emails()).hasSize(4)
			.allSatisfy((email) -> assertThat((String) email.get("subject")).startsWith("MindRoom Cloud warning:")
				.contains(" is degraded since "));
	}

	@Test
	void failedBackupsAStalledBacklogAndFailedStripeEventsAreIncidentsToo() {
		UUID failed = this.seeds.instance("failed", "running", 600);
		this.seeds.backup(failed, "succeeded", 2000, -1900, null);
		this.seeds.backup(failed, "failed", 600, -500, "The bucket answered 403");
		UUID overrun = this.seeds.instance("overrun", "running", 600);
		this.seeds.backup(overrun, "running", 200, -80, null);
		UUID recovered = this.seeds.instance("recovered", "running", 600);
		this.seeds.backup(recovered, "failed", 2000, -1900, "timeout");
		this.seeds.backup(recovered, "succeeded", 600, -500, null);
		UUID waiting = this.seeds.instance("waiting", "running", 600);
		this.seeds.jdbc()
			.sql("""
					update mindroom.instances set generation = generation + 1, next_attempt_at = now() - interval '20 minutes'
					where id = ?
					""")
			.param(waiting)
			.update();
		this.seeds.failedStripeEvent();

		evaluate();

		assertThat(openKeys()).containsExactlyInAnyOrder("backup-failed:" + failed, "backup-failed:" + overrun,
				"reconcile-backlog", "stripe-events-failed");
		assertThat(emails()).hasSize(8);
		assertThat(emails()).extracting((e) -> e.get("params").toString())
			.anySatisfy((params) -> assertThat(params).contains("The bucket answered 403"))
			.anySatisfy((params) -> assertThat(params).contains("did not finish within its window"))
			.anySatisfy((params) -> assertThat(params).contains("/admin/stripe?status=failed"));
	}

	@Test
	void overdueBackupsAndFailedRestoreDrillsAreIncidentsPerInstance() {
		UUID late = this.seeds.instance("late", "running", 600);
		this.seeds.created(late, 200);
		UUID lateBackup = this.seeds.succeededBackup(late, 27);
		this.seeds.drill(lateBackup, "failed", 9 * 24, null, "a drill before the window");
		UUID never = this.seeds.instance("never", "running", 600);
		this.seeds.created(never, 30);
		this.seeds.instance("young", "running", 60);
		UUID paused = this.seeds.instance("paused", "suspended", 600);
		this.seeds.created(paused, 200);
		UUID daily = this.seeds.instance("daily", "running", 600);
		this.seeds.created(daily, 200);
		UUID dailyBackup = this.seeds.succeededBackup(daily, 25);
		this.seeds.drill(dailyBackup, "failed", 48, false, "sha256 mismatch");
		this.seeds.drill(dailyBackup, "failed", 100, null, "the Job failed");
		this.seeds.drill(this.seeds.succeededBackup(paused, 150), "succeeded", 140, true, null);

		evaluate();
		evaluate();

		assertThat(openKeys()).containsExactlyInAnyOrder("backup-overdue:" + late, "backup-overdue:" + never,
				"restore-drill-failed:" + daily);
		assertThat(emails()).hasSize(6)
			.allSatisfy((email) -> assertThat((String) email.get("subject")).startsWith("MindRoom Cloud critical: "));
		assertThat(emails()).extracting((e) -> (String) e.get("subject"))
			.anySatisfy((subject) -> assertThat(subject).startsWith("MindRoom Cloud critical: Instance late-")
				.contains(" has had no successful backup since 20"))
			.anySatisfy((subject) -> assertThat(subject).startsWith("MindRoom Cloud critical: Instance never-")
				.contains(" has had no successful backup since it was created "))
			.anySatisfy((subject) -> assertThat(subject).contains("The restore drill of daily-")
				.endsWith("failed: its backup does not match its checksum"));
		assertThat(emails()).extracting((e) -> e.get("params").toString())
			.anySatisfy((params) -> assertThat(params).contains("Reason: sha256 mismatch")
				.contains("/admin/instances/" + daily));

		this.seeds.succeededBackup(late, 1);
		evaluate();

		assertThat(openKeys()).containsExactlyInAnyOrder("backup-overdue:" + never, "restore-drill-failed:" + daily);
	}

	@Test
	void withoutBackupsAtAllRunningInstancesAreOneIncidentAtOnceNotOneEachADayLater() {
		this.conditions = conditions(this.seeds.jdbc(),
				"Backups cannot be taken: the backup bucket is not configured.");
		this.seeds.instance("paused", "suspended", 600);

		evaluate();

		assertThat(openKeys()).isEmpty();

		UUID young = this.seeds.instance("young", "running", 60);
		UUID old = this.seeds.instance("old", "running", 600);
		this.seeds.created(old, 200);
		evaluate();
		evaluate();

		assertThat(openKeys()).containsExactly("backups-not-taken");
		assertThat(emails()).hasSize(2).allSatisfy((email) -> {
			assertThat((String) email.get("subject"))
				.isEqualTo("MindRoom Cloud critical: No instance is being backed up (2 running)");
			assertThat(email.get("params").toString()).contains("the backup bucket is not configured");
		});

		this.seeds.inState(young, "suspended", 0);
		this.seeds.inState(old, "suspended", 0);
		evaluate();

		assertThat(openKeys()).isEmpty();
	}

	@Test
	void opensIncidentsWithoutEmailsWhenEmailsAreOff(TestDatabase database) {
		JdbcClient jdbc = this.seeds.jdbc();
		AdminIncidents silent = new AdminIncidents(jdbc,
				new TransactionTemplate(new DataSourceTransactionManager(database.dataSource())),
				new Notifications(jdbc, json), "https://app.mindroom.example.com", false);
		this.seeds.failedStripeEvent();

		silent.record(this.conditions.current());

		assertThat(openKeys()).containsExactly("stripe-events-failed");
		assertThat(emails()).isEmpty();
	}

	private List<String> openKeys() {
		return this.seeds.jdbc()
			.sql("select alert_key from mindroom.alert_incidents where resolved_at is null order by alert_key")
			.query(String.class)
			.list();
	}

	private List<Map<String, Object>> emails() {
		return this.seeds.jdbc().sql("""
				select account_id, recipient, subject, params::text as params from mindroom.notification_outbox
				where template = 'admin_alert'
				""").query().listOfRows();
	}

}
