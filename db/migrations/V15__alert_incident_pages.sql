-- The dashboard page an incident points to is decided once, by the provisioner's alert condition that opens it
-- (and links the admins' email there), instead of being derived again from the key by the admin dashboard.
alter table mindroom.alert_incidents add column page text;

update mindroom.alert_incidents set page = case
	when alert_key = 'stripe-events-failed' then '/admin/stripe?status=failed'
	when alert_key in ('reconcile-backlog', 'backups-not-taken') then '/admin/instances'
	when alert_key ~ ':[0-9a-f-]{36}$' then '/admin/instances/' || substring(alert_key from ':([0-9a-f-]{36})$')
end;
