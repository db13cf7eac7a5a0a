-- What the instance-provisioner last applied to each instance, so it knows without rendering the chart
-- whether an instance needs a new rollout, what to compare with the cluster when it looks for drift, and
-- when a rollout that is taking too long has to count as a failure.

alter table mindroom.instances
	-- the generation whose objects were last applied (observed_generation follows once they are ready)
	add column applied_generation bigint not null default 0 check (applied_generation >= 0),
	-- the applied objects: [{"kind": "Deployment", "name": "mindroom", "replicas": 1}, ...]
	add column applied_objects jsonb,
	add column rollout_started_at timestamptz,
	-- the reprovision_requested_at that was last carried out
	add column reprovisioned_at timestamptz;

-- the restart_requested_at that was last rolled out (a pod-template annotation)
alter table mindroom.instances add column restarted_at timestamptz;
