#!/bin/sh
# Runs once, when the primary's data directory is created (docker-entrypoint-initdb.d): a role for streaming
# replication and the pg_hba line that lets the replica connect with it.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<SQL
create role replicator with replication login password '${REPLICATION_PASSWORD}';
select pg_create_physical_replication_slot('replica_1');
SQL
echo "host replication replicator all scram-sha-256" >> "$PGDATA/pg_hba.conf"
