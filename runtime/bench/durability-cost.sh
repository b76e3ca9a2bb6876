#!/usr/bin/env bash
# What durability costs one approval: the WAL flushes (fsync) its commits wait for, and the time spent in them.
# Starts the application jar on a fresh embedded PostgreSQL with the approval benchmark's harness
# (../shared/bench/approval-rest, beside the repository), switches on track_wal_io_timing, runs the benchmark's
# two-level approval over REST for SECS seconds with CLIENTS clients, and prints the per-approval deltas of
# pg_stat_wal and pg_stat_database.
#   OURS_JAR=runtime/target/runtime-0.1.0-SNAPSHOT.jar runtime/bench/durability-cost.sh [CLIENTS=1] [SECS=40] [PORT=18236]
set -euo pipefail
CLIENTS=${1:-1}; SECS=${2:-40}; PORT=${3:-18236}
HARNESS=${HARNESS:-$(cd "$(dirname "$0")/../../.." && pwd)/shared/bench/approval-rest}
. "$HARNESS/scripts/lib.sh"
prepare ours
start_server ours "$PORT"
Q() { psql -h 127.0.0.1 -p "$PGPORT" -U postgres -AtF ' ' -c "$1"; }
Q "alter system set track_wal_io_timing = on" > /dev/null
Q "select pg_reload_conf()" > /dev/null
echo "fsync=$(Q 'show fsync') synchronous_commit=$(Q 'show synchronous_commit') wal_sync_method=$(Q 'show wal_sync_method')"
java -cp "$DRIVER_CP" ApprovalLoad --target ours --base "http://127.0.0.1:$PORT" --clients "$CLIENTS" --warmup 20 --measure 10 --label warm-up | grep RESULT
sleep 2
WAL="select wal_write, wal_sync, wal_write_time, wal_sync_time from pg_stat_wal"
COUNT="select count(*) from governance.account_actions"
COMMITS="select xact_commit from pg_stat_database where datname = 'postgres'"
N0=$(Q "$COUNT"); W0=$(Q "$WAL"); X0=$(Q "$COMMITS")
java -cp "$DRIVER_CP" ApprovalLoad --target ours --base "http://127.0.0.1:$PORT" --clients "$CLIENTS" --warmup 0 --measure "$SECS" \
  --label "durable-c$CLIENTS" --cpu "server=$PID,postgres+children=$PGPID" | grep -v '^warm-up'
sleep 2
N1=$(Q "$COUNT"); W1=$(Q "$WAL"); X1=$(Q "$COMMITS")
echo
echo "| per approval ($((N1 - N0)) approvals, $CLIENTS clients) | commits | WAL writes | WAL flushes (fsync) | ms writing WAL | ms in fsync |"
echo "|---|---|---|---|---|---|"
echo "$W0 $W1" | awk -v n=$((N1 - N0)) -v x=$((X1 - X0)) \
  '{printf "| durable embedded PostgreSQL | %.1f | %.1f | %.1f | %.2f | %.2f |\n", x/n, ($5-$1)/n, ($6-$2)/n, ($7-$3)/n, ($8-$4)/n}'
