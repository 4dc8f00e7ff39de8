-- Login throttling is audit-logged (issue 10, item 4): the access log gets the action LOGIN
-- (a login refused for its source address; nl.zorgpad.audit.LoginThrottleAuditTrail).
-- Throttle state itself stays in memory (nl.zorgpad.security.LoginThrottle), not here.
alter table zp_access_log drop constraint ck_access_log_action;
alter table zp_access_log add constraint ck_access_log_action check (action in ('CREATE', 'READ',
    'UPDATE', 'DELETE', 'SEARCH', 'EXPORT', 'EMERGENCY_ACCESS', 'LOGIN'));
