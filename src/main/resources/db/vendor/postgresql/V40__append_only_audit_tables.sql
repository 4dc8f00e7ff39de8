-- PostgreSQL only (profile postgres: spring.flyway.locations adds db/vendor/{vendor}; V40-V49
-- are reserved for this folder). H2 has no such triggers: there the application's own rules
-- (no update/delete in AccessLogRepository, sealed rows never touched) and the hash chains are
-- the protection.
--
-- Database-level append-only protection of the NEN 7513 access log (zp_access_log), the engine's
-- audit trail (zp_audit_record) and their chain heads (zp_hash_chain_head). Retention
-- (docs/decisions/0004-retention.md): the application never deletes rows of these tables; they
-- are kept at least 5 years, until an operator archives a closed chain as a whole (not built).
-- So the only change the application legitimately makes is sealing a row it has just written:
-- setting chain_seq, previous_hash and hash on a row whose chain_seq is still null, nothing else
-- (nl.zorgpad.audit.HashChain.seal and adoptExistingRows). And a chain head only moves forward.
-- Everything else is refused with SQLSTATE 42501 (insufficient_privilege) and a message that
-- names the table. The triggers fire for every role, the owner and superusers included; a DBA
-- who must repair or archive does so knowingly (ALTER TABLE ... DISABLE TRIGGER as the table
-- owner, or SET session_replication_role = replica as superuser), see docs/operations.md.

create function zp_refuse_change_of_sealed_record() returns trigger
    language plpgsql as $$
begin
    if tg_op = 'UPDATE'
        and old.chain_seq is null
        and new.chain_seq is not null
        and (to_jsonb(new) - 'chain_seq' - 'previous_hash' - 'hash')
            = (to_jsonb(old) - 'chain_seq' - 'previous_hash' - 'hash') then
        return new; -- sealing a new record: only the chain columns, only once
    end if;
    raise exception 'zorgpad: % on % refused: the table is append-only (NEN 7513 / audit trail)',
        tg_op, tg_table_name
        using errcode = 'insufficient_privilege',
              hint = 'Rows are only inserted and sealed once; see docs/operations.md, PostgreSQL.';
end
$$;

create function zp_refuse_chain_head_rewind() returns trigger
    language plpgsql as $$
begin
    if tg_op = 'UPDATE'
        and new.chain_id = old.chain_id
        and (new.last_seq > old.last_seq
             or (new.last_seq = old.last_seq and new.last_hash = old.last_hash)) then
        return new; -- the head of a chain only moves forward
    end if;
    raise exception 'zorgpad: % on % refused: a hash chain head only moves forward',
        tg_op, tg_table_name
        using errcode = 'insufficient_privilege',
              hint = 'See docs/operations.md, PostgreSQL.';
end
$$;

create function zp_refuse_truncate() returns trigger
    language plpgsql as $$
begin
    raise exception 'zorgpad: TRUNCATE on % refused: the table is append-only', tg_table_name
        using errcode = 'insufficient_privilege';
end
$$;

create trigger zp_access_log_append_only
    before update or delete on zp_access_log
    for each row execute function zp_refuse_change_of_sealed_record();
create trigger zp_access_log_no_truncate
    before truncate on zp_access_log
    for each statement execute function zp_refuse_truncate();

create trigger zp_audit_record_append_only
    before update or delete on zp_audit_record
    for each row execute function zp_refuse_change_of_sealed_record();
create trigger zp_audit_record_no_truncate
    before truncate on zp_audit_record
    for each statement execute function zp_refuse_truncate();

create trigger zp_hash_chain_head_forward_only
    before update or delete on zp_hash_chain_head
    for each row execute function zp_refuse_chain_head_rewind();
create trigger zp_hash_chain_head_no_truncate
    before truncate on zp_hash_chain_head
    for each statement execute function zp_refuse_truncate();
