#!/usr/bin/env bash
# First start of the postgres container (docker-compose.yml): the two roles of docs/operations.md
# ("Roles") and the database, owned by the schema owner; Flyway and the application do the rest.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v owner_password="$ZORGPAD_DB_OWNER_PASSWORD" -v app_password="$ZORGPAD_DB_PASSWORD" <<'SQL'
CREATE ROLE zorgpad_owner LOGIN PASSWORD :'owner_password';
CREATE ROLE zorgpad_app LOGIN PASSWORD :'app_password';
CREATE DATABASE zorgpad OWNER zorgpad_owner ENCODING 'UTF8';
\c zorgpad
ALTER SCHEMA public OWNER TO zorgpad_owner;
-- CREATE: the engine creates its ACT_* tables (schema-update true); leave it out for the strict
-- route (deploy/engine-schema.sh as zorgpad_owner, ZORGPAD_DB_SCHEMA_UPDATE=false)
GRANT USAGE, CREATE ON SCHEMA public TO zorgpad_app;
ALTER DEFAULT PRIVILEGES FOR ROLE zorgpad_owner IN SCHEMA public
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO zorgpad_app;
ALTER DEFAULT PRIVILEGES FOR ROLE zorgpad_owner IN SCHEMA public
  GRANT USAGE, SELECT ON SEQUENCES TO zorgpad_app;
SQL
