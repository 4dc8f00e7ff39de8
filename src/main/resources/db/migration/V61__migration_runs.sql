-- The workbench's migration runs (issue 16): which cases a coordinator moved in which engine
-- batch, so that the report (/modeling/migration/{batch}) answers on every node of a cluster and
-- after a restart. It was a map in one node's memory (nl.zorgpad.modeling.CaseMigration); the
-- batch's progress itself is the engine's (ACT_RU_BATCH, ACT_HI_BATCH).
create table zp_migration_run (
    batch_id             varchar(64)  not null,
    source_definition_id varchar(64)  not null,
    target_definition_id varchar(64)  not null,
    started_by           varchar(100) not null,
    started_at           timestamp with time zone not null,
    constraint pk_migration_run primary key (batch_id)
);

create table zp_migration_run_case (
    batch_id            varchar(64) not null,
    list_index          integer     not null,
    process_instance_id varchar(64) not null,
    constraint pk_migration_run_case primary key (batch_id, list_index),
    constraint fk_migration_run_case_run foreign key (batch_id)
        references zp_migration_run (batch_id)
);
