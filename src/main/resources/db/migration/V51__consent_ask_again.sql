-- Issue 11 (one consent task per moment): one task records the client's decision for every
-- recipient of that moment. When she refuses some of them and agrees to be asked again later,
-- the register keeps that wish per record, so that each warm handover asks again after the
-- waiting period without holding up the handovers she consented to. Portable SQL (H2 and
-- PostgreSQL); existing records were never marked.

alter table zp_consent_record add column ask_again boolean default false not null;
