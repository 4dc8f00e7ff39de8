-- The unusual-access review reads the access log in the order of the records' place in the chain
-- (chain_seq), not of their ids (nl.zorgpad.audit.AccessReviewScan): an id is taken at the
-- insert, so a transaction still at work could commit a lower id after the review had read past
-- it, and that read was never reviewed; places are given under the chain's head lock, held until
-- the commit, so they are committed in order. V86 (as released) kept the review's point as an id.
-- The point cannot be translated into a place without possibly skipping such a record, so the
-- review starts again from the beginning: its findings are derived data, rebuilt from the log by
-- the scheduled scan (docs/audit.md).
alter table zp_access_review_point add column scanned_seq bigint;
update zp_access_review_point set scanned_seq = 0, scanned_at = null;
alter table zp_access_review_point alter column scanned_seq set not null;
alter table zp_access_review_point drop column scanned_id;
delete from zp_access_finding;
