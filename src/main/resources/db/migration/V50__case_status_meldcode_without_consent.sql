-- Issue 11 (meldrecht): a refused consent no longer closes a case where safety is at stake; the
-- meldcode runs without consent (Wmo 2015 art. 5.2.6) and the case stays open with the status
-- MELDCODE_WITHOUT_CONSENT. Portable SQL (H2 and PostgreSQL).

alter table zp_case_file drop constraint ck_case_file_status;
alter table zp_case_file add constraint ck_case_file_status check (status in (
    'ACTIVE', 'MELDCODE_WITHOUT_CONSENT', 'CLOSED_NO_CONSENT', 'CLOSED', 'CLOSED_MOVED',
    'CLOSED_CLIENT_WITHDREW', 'CLOSED_PREGNANCY_ENDED', 'CLOSED_OTHER'));
