-- Issue 13: which case-list records showed a case, for the client access report (inzageverzoek).
-- The chained access-log record names the listed cases in its detail (the evidence); this table
-- is the index to find those records by case without reading every listing ever made. Written in
-- the same transaction as the record (nl.zorgpad.accesslog.AccessLog.recordListing), filled for
-- the records written before it by the Java migration V79; append-only on PostgreSQL (V41).
create table zp_access_log_listed (
    case_number   varchar(20) not null,
    -- no foreign key: both tables are append-only, the row is written in the record's own
    -- transaction, and a key would make PostgreSQL refuse a TRUNCATE of the access log with a
    -- constraint error before the append-only trigger names the refusal
    access_log_id bigint      not null,
    primary key (case_number, access_log_id)
);
