-- The outbox's due mails in the order they are sent (issue 13). The claim query reads
-- "status = 'PENDING' ... order by status, next_attempt_at, id limit n"; with the index on
-- (status, next_attempt_at) alone H2 sorted every pending mail before taking the first n (176,335
-- pending mails after a region's generation without a mail relay: 4.5 s per claim). With the id
-- in the index and the order by starting at status, H2 and PostgreSQL read the first n entries.
-- Portable SQL: H2 and PostgreSQL.
create index ix_notification_mail_next on zp_notification_mail (status, next_attempt_at, id);
drop index ix_notification_mail_due;
