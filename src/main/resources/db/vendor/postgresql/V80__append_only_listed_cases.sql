-- PostgreSQL only, after the portable V78 that creates the table (so numbered after it, see
-- docs/operations.md "Flyway"): the index of listed cases is append-only like the access log it
-- points into — a deleted row would hide a listing from a client's access report.
create function zp_refuse_change_of_index_row() returns trigger
    language plpgsql as $$
begin
    raise exception 'zorgpad: % on % refused: the table is append-only (NEN 7513)',
        tg_op, tg_table_name
        using errcode = 'insufficient_privilege',
              hint = 'Rows are only inserted; see docs/operations.md, PostgreSQL.';
end
$$;

create trigger zp_access_log_listed_append_only
    before update or delete on zp_access_log_listed
    for each row execute function zp_refuse_change_of_index_row();

create trigger zp_access_log_listed_no_truncate
    before truncate on zp_access_log_listed
    for each statement execute function zp_refuse_truncate();
