#!/bin/sh
# The streaming replica: on first start, copies the primary with pg_basebackup (-R writes standby.signal and
# primary_conninfo), then runs PostgreSQL as a hot standby.
set -eu
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  until pg_isready -h postgres -U "$POSTGRES_USER"; do sleep 1; done
  export PGPASSWORD="$REPLICATION_PASSWORD"
  pg_basebackup -h postgres -U replicator -D "$PGDATA" -R -X stream -S replica_1 --checkpoint=fast
  chmod 0700 "$PGDATA"
fi
exec postgres -c hot_standby=on
