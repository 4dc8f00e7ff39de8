-- HTTP sessions in the database (issue 16, decision 0009): Spring Session JDBC's two tables,
-- named zp_session / zp_session_attributes (spring.session.jdbc.table-name: zp_session), so that a
-- caregiver logged in on one node of a cluster goes on on another, and a restart logs nobody out.
-- Spring Session's own schema scripts, made portable: bytea is PostgreSQL's binary type and one of
-- H2's names for BINARY VARYING. Created here by Flyway (spring.session.jdbc.initialize-schema:
-- never), as the schema owner; the application role reads, writes and deletes (expired sessions
-- are removed by every node once a minute, spring.session.jdbc.cleanup-cron).
create table zp_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval integer      not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint pk_session primary key (primary_id)
);
create unique index ix_session_session_id on zp_session (session_id);
create index ix_session_expiry_time on zp_session (expiry_time);
create index ix_session_principal_name on zp_session (principal_name);

create table zp_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint pk_session_attributes primary key (session_primary_id, attribute_name),
    constraint fk_session_attributes_session foreign key (session_primary_id)
        references zp_session (primary_id) on delete cascade
);
