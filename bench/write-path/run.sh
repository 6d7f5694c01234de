#!/usr/bin/env bash
# The write path against PostgreSQL's own ceiling, side by side in one run on one bundled, durable
# PostgreSQL (fsync and synchronous commit on): in each round and for each connection count,
# pgbench's single-row insert, then entry POSTs through the whole stack (the demo clients signed
# in through the form, session cookie and CSRF header, a fresh client-made id per request, the
# clients taken in turn), then GETs of the client's own assignment list. The ratios POST/pgbench
# and GET/pgbench are taken per round, so the noise of a shared machine falls on both sides alike;
# min / median / max over the rounds are appended to docs/benchmarks.md with the load average.
# Usage: bench/write-path/run.sh [seconds=10] [rounds=3] [connections...=8 32]
#   CARRYOVER_JAR=other.jar runs another build (e.g. main before a change); BENCH_LABEL=… names it in the row.
# Needs wrk, pgbench and psql (Debian: apt-get install wrk postgresql-client); builds the jar if missing.
set -uo pipefail
cd "$(dirname "$0")/../.."
here=bench/write-path
secs=${1:-10}; rounds=${2:-3}
shift $(( $# < 2 ? $# : 2 ))
conns=${*:-8 32}
for t in wrk pgbench psql python3 curl; do
  command -v $t >/dev/null || { echo "$t missing (Debian: apt-get install wrk postgresql-client)"; exit 1; }
done
jar=${CARRYOVER_JAR:-target/carryover.jar}   # another build to compare against, e.g. main's
[ -f "$jar" ] || ./mvnw -B -q package -DskipTests || exit 1
d=$(mktemp -d -t write-path.XXXX)
port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
CARRYOVER_DATA_DIR="$d/data" setsid java -jar "$jar" --server.port="$port" --carryover.demo=true \
  >"$d/server.log" 2>&1 &
pid=$!
stop() { kill -TERM "-$pid" 2>/dev/null; for _ in $(seq 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
         kill -KILL "-$pid" 2>/dev/null; rm -rf "$d"; }
trap stop EXIT
for _ in $(seq 180); do curl -fsS "$base/actuator/health" 2>/dev/null | grep -q UP && break; sleep 1; done
curl -fsS "$base/actuator/health" 2>/dev/null | grep -q UP || { echo "server not healthy:"; tail -5 "$d/server.log"; exit 1; }
pgport=$(grep -o 'running on 127.0.0.1:[0-9]*' "$d/server.log" | head -1 | cut -d: -f2)
export PGPASSWORD=$(cat "$d/data/postgres-superuser.password")
psql -h 127.0.0.1 -p "$pgport" -U postgres -qc "CREATE DATABASE bench" postgres
psql -h 127.0.0.1 -p "$pgport" -U postgres -qc \
  "CREATE TABLE t (id uuid PRIMARY KEY, practice uuid, at timestamptz, rating int, note text)" bench
echo "INSERT INTO t VALUES (gen_random_uuid(), '00000000-0000-0000-0000-000000000001', now(), 5, 'load test');" > "$d/insert.sql"
durable="fsync=$(psql -h 127.0.0.1 -p "$pgport" -U postgres -Atc 'show fsync' postgres), synchronous_commit=$(psql -h 127.0.0.1 -p "$pgport" -U postgres -Atc 'show synchronous_commit' postgres)"
password=$(grep -o 'the password is "[^"]*"' "$d/server.log" | head -1 | cut -d'"' -f2)
emails=$(grep -oE '^ +[^ ]+@[^ ]+ +client' "$d/server.log" | awk '{print $1}')
export CLIENTS=$(python3 "$here/sign_in.py" "$base" "$password" $emails)
clients=$(echo "$CLIENTS" | grep -c '|')
[ "$clients" -gt 0 ] || { echo "no demo client could be signed in"; exit 1; }
export OCCURRED_AT=$(date -u +%Y-%m-%dT%H:%M:%SZ)
load_start=$(cut -d' ' -f1 /proc/loadavg)
echo "durable: $durable; $clients demo clients signed in; load $load_start"
# Warm the JIT first (not counted).
wrk -t2 -c8 -d10s -s "$here/post-entry.lua" "$base" >/dev/null 2>&1
wrk -t2 -c8 -d5s -s "$here/get-list.lua" "$base" >/dev/null 2>&1
: > "$d/results"
for round in $(seq "$rounds"); do
  for c in $conns; do
    t=$(( c < 2 ? 1 : 2 ))
    pg=$(pgbench -h 127.0.0.1 -p "$pgport" -U postgres -n -f "$d/insert.sql" -c "$c" -j "$t" -T "$secs" bench 2>&1 \
      | grep -oE 'tps = [0-9.]+' | head -1 | cut -d' ' -f3)
    post=$(wrk -t"$t" -c"$c" -d"${secs}s" -s "$here/post-entry.lua" "$base" 2>&1 | grep '^result' | cut -d' ' -f2-)
    list=$(wrk -t"$t" -c"$c" -d"${secs}s" -s "$here/get-list.lua" "$base" 2>&1 | grep '^result' | cut -d' ' -f2-)
    echo "$round $c ${pg:-0} ${post:-0 0 0 0 0} ${list:-0 0 0 0 0}" | tee -a "$d/results"
  done
done
load_end=$(cut -d' ' -f1 /proc/loadavg)
stored=$(psql -h 127.0.0.1 -p "$pgport" -U postgres -Atc "SELECT count(*) FROM practice_entry WHERE note = 'load test'" carryover 2>/dev/null || echo '?')
machine="$(nproc) cores, $(java -version 2>&1 | head -1 | cut -d'"' -f2), load $load_start at start / $load_end at end"
python3 - "$d/results" "$secs" "$clients" "$machine" "$durable" "${BENCH_LABEL:-}" <<'PY'
import datetime, statistics, sys
path, secs, clients, machine, durable, label = sys.argv[1:7]
rows = [list(map(float, line.split())) for line in open(path) if line.strip()]
out = []
for c in sorted({int(r[1]) for r in rows}):
    rs = [r for r in rows if int(r[1]) == c]
    pg = [r[2] for r in rs]
    post = [r[5] for r in rs]; post_err = sum(r[4] for r in rs); p50 = [r[6] for r in rs]; p99 = [r[7] for r in rs]
    get = [r[10] for r in rs]; get_err = sum(r[9] for r in rs)
    ratio = sorted(r[5] / r[2] for r in rs if r[2] > 0)
    gratio = sorted(r[10] / r[2] for r in rs if r[2] > 0)
    med = statistics.median
    what = (f"write path: entry POST / pgbench durable insert, {c} connections, {len(rs)} rounds of {secs} s, "
            f"{clients} demo clients in turn (session cookie)" + (f", {label}" if label else ""))
    rate = (f"POST {med(post):.0f} req/s (p50 {med(p50):.0f} ms, p99 {med(p99):.0f} ms, {post_err:.0f} errors) against "
            f"pgbench {med(pg):.0f} tps; GET own list {med(get):.0f} req/s, ratio {gratio[0]:.3f} / {med(gratio):.3f} / "
            f"{gratio[-1]:.3f} ({get_err:.0f} errors); {durable}")
    out.append(f"| {datetime.date.today()} | {what} | {machine} | {ratio[0]:.3f} / {med(ratio):.3f} / {ratio[-1]:.3f} | {rate} |")
print("\n".join(out))
with open("docs/benchmarks.md", "a") as f:
    f.write("\n".join(out) + "\n")
PY
echo "entries stored by the POSTs: $stored (appended the rows above to docs/benchmarks.md)"
