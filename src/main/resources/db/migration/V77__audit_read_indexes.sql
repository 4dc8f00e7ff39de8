-- Issue 13: the auditor's reads by index, not by scanning tables that grow with every case.
-- The review of a period (unusual access, the search by date) reads the access log by the time
-- of the record; the other access-log indexes lead with the case, client or user.
create index ix_access_log_occurred on zp_access_log (occurred_at, id);
-- The case history names who wrote each variable from the audit trail of one process instance
-- (CaseHistoryService); the trail's indexes led with the case number and the root instance.
create index ix_audit_record_instance on zp_audit_record (process_instance_id, event_type);
