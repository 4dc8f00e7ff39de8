#!/usr/bin/env bash
# The strict route (docs/operations.md): print the SQL that creates the engine's schema (ACT_*),
# taken from the Camunda engine inside Zorgpad's own jar, so that it always matches the engine
# Zorgpad runs. A DBA runs it once, as the schema owner, before the first start; Zorgpad then
# runs with ZORGPAD_DB_SCHEMA_UPDATE=false and creates nothing in the schema itself.
#
#   deploy/engine-schema.sh target/zorgpad-0.1.0-SNAPSHOT.jar > engine-schema.sql
#   psql -v ON_ERROR_STOP=1 -U zorgpad_owner -d zorgpad -f engine-schema.sql
#
# Second argument: the database type (postgres, the default; h2, mysql, oracle, … as Camunda
# names them). The parts come in the order the engine itself creates them.
set -euo pipefail
jar="${1:?usage: $0 zorgpad.jar [postgres]}"
type="${2:-postgres}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
engine="$(unzip -Z1 "$jar" | grep -E '^BOOT-INF/lib/camunda-engine-7[^/]*\.jar$' | head -n 1)"
if [ -z "$engine" ]; then
  echo "no camunda-engine jar in $jar" >&2
  exit 1
fi
unzip -p "$jar" "$engine" > "$tmp/engine.jar"
echo "-- Camunda engine schema for $type from $jar ($(basename "$engine"))"
for part in engine history identity case.engine case.history decision.engine decision.history; do
  echo
  echo "-- ${part}"
  unzip -p "$tmp/engine.jar" "org/camunda/bpm/engine/db/create/activiti.${type}.create.${part}.sql"
done
