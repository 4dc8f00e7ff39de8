-- Issue 13: the full verification of a hash chain runs in the background, never inside a
-- request (nl.zorgpad.audit.FullChainCheck). The auditor starts it on /audit/keten; the page
-- shows the last full check of every chain from these columns. full_started_at / _by claim the
-- check for one node of a cluster (set by one conditional update, cleared when it ends); a claim
-- older than zorgpad.audit.full-check.stale-after counts as abandoned (a node that stopped).
alter table zp_hash_chain_checkpoint add column full_started_at timestamp with time zone;
alter table zp_hash_chain_checkpoint add column full_started_by varchar(100);
alter table zp_hash_chain_checkpoint add column full_checked_at timestamp with time zone;
alter table zp_hash_chain_checkpoint add column full_checked_by varchar(100);
alter table zp_hash_chain_checkpoint add column full_intact boolean;
alter table zp_hash_chain_checkpoint add column full_records bigint;
alter table zp_hash_chain_checkpoint add column full_duration_ms bigint;
alter table zp_hash_chain_checkpoint add column full_summary varchar(500);
