-- Issue 14 (fast at scale): the wijk is kept beside each monitor fact, so that counting never
-- joins zp_case_file (a primary-key lookup per fact: 95 % of a monitor request at 5,000 cases,
-- docs/benchmarks.md). nl.zorgpad.monitor.MonitorProjection writes it with the facts; when a
-- case's wijk changes later (postcode entered or corrected, duplicate merged) the monitor
-- follows the event nl.zorgpad.casus.NeighbourhoodChanged in the same transaction.
-- The two indexes cover every monitor query (no table row is read): by month over all kinds,
-- and by kind (durations, active cases, the coalition's wijken).
-- Portable SQL (H2 and PostgreSQL).

alter table zp_monitor_fact add column wijk varchar(60) default 'onbekend' not null;
update zp_monitor_fact f set wijk = coalesce((select c.neighbourhood from zp_case_file c
    where c.id = f.case_file_id), 'onbekend');
drop index ix_monitor_fact_query;
create index ix_monitor_fact_month on zp_monitor_fact (coalition, fact_month, kind, code, wijk);
create index ix_monitor_fact_kind on zp_monitor_fact (coalition, kind, fact_month, wijk, hours);
