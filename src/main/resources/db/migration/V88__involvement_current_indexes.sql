-- /casus reads her groups' and her own current involvements, each through its own index
-- (until_at is null, or a future end), instead of every involvement of the installation:
-- a single (group_id in (...) or user_id = ?) could use no index. The new indexes lead with the
-- same columns as the old ones, which they replace.
create index ix_involvement_group_until on zp_involvement (group_id, until_at, case_number);
create index ix_involvement_user_until on zp_involvement (user_id, until_at, case_number);
drop index ix_involvement_group;
drop index ix_involvement_user;
