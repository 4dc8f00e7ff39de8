-- Issue 13: the last verified point of each hash chain and the result of its last verification.
-- The scheduled check (nl.zorgpad.audit.ChainCheckpoints) continues from verified_seq /
-- verified_hash instead of walking the whole chain; /actuator/health's auditChain answers from
-- the stored result without verifying anything. A full verification (auditor's page, command
-- line) also stores its result here. Updated only under this row's lock (select … for update),
-- so the nodes of a cluster check one after the other.
create table zp_hash_chain_checkpoint (
    chain_id          varchar(40)  not null primary key,
    verified_seq      bigint       not null,
    verified_hash     varchar(128) not null,
    outside_max_id    bigint,
    checked_at        timestamp with time zone,
    full_check        boolean      not null,
    intact            boolean      not null,
    records_checked   bigint       not null,
    head_seq          bigint       not null,
    head_hash         varchar(128) not null,
    problem           varchar(40),
    broken_record_id  varchar(100),
    broken_seq        bigint,
    summary           varchar(500)
);
insert into zp_hash_chain_checkpoint (chain_id, verified_seq, verified_hash, full_check, intact,
    records_checked, head_seq, head_hash)
    select chain_id, 0, '0000000000000000000000000000000000000000000000000000000000000000',
        false, true, 0, 0, '0000000000000000000000000000000000000000000000000000000000000000'
    from zp_hash_chain_head;
