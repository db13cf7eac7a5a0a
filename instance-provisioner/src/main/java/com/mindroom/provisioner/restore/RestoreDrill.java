package com.mindroom.provisioner.restore;

import java.util.List;
import java.util.UUID;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mindroom.provisioner.backup.AgentJob;
import com.mindroom.provisioner.backup.AgentJobs;
import com.mindroom.provisioner.backup.BackupProperties;
import com.mindroom.provisioner.backup.BackupTarget;
import com.mindroom.provisioner.reconcile.FailureReasons;
import com.mindroom.provisioner.secret.TenantSecrets;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The weekly restore drill: the newest backup of a random sample of instances is restored
 * into a scratch namespace ({@code mindroom-drill-<id>}, deleted afterwards), where the
 * agent checks the archive's SHA-256 against the one recorded at backup time, decrypts it
 * with the instance's passphrase and unpacks it. Each drill is a {@code restores} row of
 * kind {@code drill}; {@link RestoreRunner} follows it and records the result, a checksum
 * mismatch as {@code checksum_verified = false}.
 */
public class RestoreDrill {

	private static final Logger logger = LoggerFactory.getLogger(RestoreDrill.class);

	private final JdbcClient jdbc;

	private final KubernetesClient client;

	private final AgentJobs jobs;

	private final TenantSecrets secrets;

	private final BackupProperties properties;

	public RestoreDrill(JdbcClient jdbc, KubernetesClient client, AgentJobs jobs, TenantSecrets secrets,
			BackupProperties properties) {
		this.jdbc = jdbc;
		this.client = client;
		this.jobs = jobs;
		this.secrets = secrets;
		this.properties = properties;
	}

	/**
	 * Starts this week's drills.
	 * @return the drills started
	 */
	public List<UUID> start() {
		List<Sample> sample = this.jdbc.sql("""
				select * from (select distinct on (b.instance_id) b.id as backup_id, %s, b.object_key,
				    b.checksum_sha256
				    from backups b join instances i on i.id = b.instance_id
				    where b.status = 'succeeded' and i.desired_state <> 'deleted'
				    order by b.instance_id, b.finished_at desc) newest
				order by random() limit ?
				""".formatted(BackupTarget.COLUMNS))
			.param(this.properties.drill().sample())
			.query((rs, row) -> new Sample(rs.getObject("backup_id", UUID.class), BackupTarget.read(rs, row),
					rs.getString("object_key"), rs.getString("checksum_sha256")))
			.list();
		List<UUID> started = sample.stream().map(this::start).toList();
		logger.info("Started {} restore drills", started.size());
		return started;
	}

	private UUID start(Sample sample) {
		UUID id = UUID.randomUUID();
		String name = "drill-" + id.toString().substring(0, 8);
		String namespace = "mindroom-" + name;
		this.jdbc.sql("""
				insert into restores (id, instance_id, account_id, backup_id, kind, status, phase, started_at,
				    deadline_at, job_name, namespace, actor)
				values (?, ?, ?, ?, 'drill', 'running', 'restoring', now(), now() + make_interval(secs => ?), ?, ?,
				    'restore-drill')
				""")
			.params(id, sample.instance().id(), sample.instance().accountId(), sample.backupId(),
					this.properties.restoreWindow().toSeconds(), name, namespace)
			.update();
		try {
			this.client
				.resource(new NamespaceBuilder().withNewMetadata()
					.withName(namespace)
					.addToLabels(AgentJobs.PART_OF, "mindroom")
					.addToLabels("mindroom.io/drill", id.toString())
					.addToLabels("pod-security.kubernetes.io/enforce", "restricted")
					.endMetadata()
					.build())
				.create();
			String passphrase = this.secrets.backupPassphrase(sample.instance().id());
			List<AgentJob.Volume> scratch = AgentJob.dataVolumes(true);
			this.jobs.launch(new AgentJob(namespace, name, true, sample.instance().id(), null, sample.key(),
					sample.sha256(), scratch, passphrase, this.properties.restoreWindow()));
		}
		catch (RuntimeException ex) {
			String reason = "the drill could not be started: " + FailureReasons.describe(ex);
			this.jdbc
				.sql("update restores set status = 'failed', phase = 'done', finished_at = now(), error = ? "
						+ "where id = ?")
				.params(reason, id)
				.update();
			this.client.namespaces().withName(namespace).delete();
			logger.warn("Restore drill {} of instance {} failed: {}", id, sample.instance().id(), reason);
		}
		return id;
	}

	private record Sample(UUID backupId, BackupTarget instance, String key, String sha256) {

	}

}
