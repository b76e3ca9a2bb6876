#!/usr/bin/env bash
# How many round trips to PostgreSQL one approval makes, and with which statements. Starts the application jar on a
# fresh embedded PostgreSQL with the approval benchmark's harness (../shared/bench/approval-rest, beside the
# repository), with the JDBC driver sending every statement's text (prepareThreshold=0), warms up, then records the
# server's socket writes with strace while the benchmark's two-level approval runs over REST with one client for SECS
# seconds. A write that carries PostgreSQL protocol messages is one round trip; the table groups them by their first
# statement (BEGIN left aside) and gives each group's count per approval; [xN] marks a write carrying N statements
# (a JDBC batch). Needs strace (Debian: apt-get install strace) and python3.
#   OURS_JAR=runtime/target/runtime-0.1.0-SNAPSHOT.jar runtime/bench/round-trips.sh [SECS=5] [PORT=18237]
set -euo pipefail
SECS=${1:-5}; PORT=${2:-18237}
command -v strace > /dev/null || { echo "strace is missing (Debian: apt-get install strace)" >&2; exit 2; }
HARNESS=${HARNESS:-$(cd "$(dirname "$0")/../../.." && pwd)/shared/bench/approval-rest}
export HEAP="${HEAP:--Xmx1g} -Dspring.datasource.hikari.data-source-properties.prepareThreshold=0"
. "$HARNESS/scripts/lib.sh"
prepare ours
start_server ours "$PORT"
java -cp "$DRIVER_CP" ApprovalLoad --target ours --base "http://127.0.0.1:$PORT" --clients 1 --warmup 10 --measure 5 --label warm-up | grep RESULT
strace -f -e trace=write,sendto -s 65536 -xx -p "$PID" -o "$WORK/strace.out" 2> /dev/null &
TRACER=$!
BG_PIDS+=("$TRACER")
sleep 2
java -cp "$DRIVER_CP" ApprovalLoad --target ours --base "http://127.0.0.1:$PORT" --clients 1 --warmup 0 --measure "$SECS" \
  --label traced | grep RESULT | tee "$WORK/result.txt"
sleep 1
kill "$TRACER" 2> /dev/null || true
sleep 1
python3 - "$WORK/strace.out" "$WORK/result.txt" <<'PY'
import collections, re, sys
approvals = int(re.search(r'instances=(\d+)', open(sys.argv[2]).read()).group(1))
trips = collections.Counter()
for line in open(sys.argv[1]):
    m = re.search(r'(?:write|sendto)\(\d+, "((?:\\x[0-9a-f]{2})*)"', line)
    if not m:
        continue
    data = bytes.fromhex(m.group(1).replace('\\x', ''))
    i, messages = 0, []
    while i + 5 <= len(data):  # frontend messages: a type byte, then a length that counts itself
        kind, length = chr(data[i]), int.from_bytes(data[i + 1:i + 5], 'big')
        if kind not in 'PBDESHCQ' or length < 4 or i + 1 + length > len(data):
            break
        messages.append((kind, data[i + 5:i + 1 + length]))
        i += 1 + length
    if i != len(data) or not messages:
        continue  # not (only) PostgreSQL protocol: an HTTP response, a log line
    texts = []
    for kind, body in messages:
        if kind == 'P':
            text = body.partition(b'\0')[2].split(b'\0')[0].decode('utf-8', 'replace')
            texts.append(re.sub(r'\s+', ' ', text)[:90])
    texts = [t for t in texts if t not in ('BEGIN', 'BEGIN READ ONLY')]
    trips[(texts[0] if texts else '(no statement text)') + (' [x%d]' % len(texts) if len(texts) > 1 else '')] += 1
print()
print('| round trips per approval (%d approvals, 1 client) | %.1f |' % (approvals, sum(trips.values()) / approvals))
print('|---|---|')
for text, count in trips.most_common():
    print('| `%s` | %.2f |' % (text.replace('|', '\\|'), count / approvals))
PY
