-- The customer portal's data export includes the caller's own Enterprise enquiries; the portal role could
-- only insert them. Row Level Security (contact_requests_portal_read, V7) keeps it to the caller's rows.
grant select on mindroom.contact_requests to mindroom_portal;
