-- Issue 3: a case may end early with a coded reason, and the dossier holds the child's birth
-- date (the first year is counted from it; no other data about the child).
-- Portable SQL (H2 and PostgreSQL).

alter table zp_case_file add column end_reason varchar(30);
alter table zp_case_file add column child_birth_date date;

alter table zp_case_file drop constraint ck_case_file_status;
alter table zp_case_file add constraint ck_case_file_status check (status in (
    'ACTIVE', 'CLOSED_NO_CONSENT', 'CLOSED', 'CLOSED_MOVED', 'CLOSED_CLIENT_WITHDREW',
    'CLOSED_PREGNANCY_ENDED', 'CLOSED_OTHER'));
alter table zp_case_file add constraint ck_case_file_end_reason check (end_reason is null
    or end_reason in ('verhuisd', 'client-trekt-zich-terug', 'zwangerschap-beeindigd', 'overig'));
