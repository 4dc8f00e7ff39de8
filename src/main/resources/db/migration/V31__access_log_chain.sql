-- The NEN 7513 access log (V4) joins the hash chains (issue 5, item 3): its previous_hash/hash
-- columns were reserved for this; chain_seq is its place in the chain. Rows written before this
-- migration are taken into the empty chain once at the next start (nl.zorgpad.audit.ChainStartup).
alter table zp_access_log add column chain_seq bigint;
alter table zp_access_log add constraint uk_access_log_chain_seq unique (chain_seq);
insert into zp_hash_chain_head (chain_id, last_seq, last_hash)
    values ('access-log', 0, '0000000000000000000000000000000000000000000000000000000000000000');
