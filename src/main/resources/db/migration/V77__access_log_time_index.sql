-- Issue 13: the auditor's review of a period (unusual access, the search by date) reads the
-- access log by the time of the record; the other indexes lead with the case, client or user.
create index ix_access_log_occurred on zp_access_log (occurred_at, id);
