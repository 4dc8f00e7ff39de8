-- Issue 13: the access-log search for a user looks in two columns (user_id, responsible_user_id).
-- With an index on only the first, "user_id = ? or responsible_user_id = ?" made H2 read the whole
-- log backwards by time until it had found 500 rows of a rare user (1.5 million records: 2.8 s
-- for a user with 0.25 % of them). The search now reads each column's index newest first and
-- merges the two (nl.zorgpad.audit.AccessLogReview.search). Portable SQL: H2 and PostgreSQL.
create index ix_access_log_responsible on zp_access_log (responsible_user_id, occurred_at);
