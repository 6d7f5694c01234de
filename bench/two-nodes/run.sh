#!/usr/bin/env bash
# Two application nodes behind nginx on loopback, sharing one PostgreSQL (node A's bundled one; node
# B connects to it as an external database, with the same secret key). Shows, and stops at the first
# that fails: a session made on one node is honoured on the other; the audit sealer's seals are each
# made by exactly one node and the chain verifies; then measures entry-POST throughput through nginx
# to one node and to both, side by side in each round, and appends min / median / max of the ratio
# (two nodes / one) to docs/benchmarks.md.
# Usage: bench/two-nodes/run.sh [seconds=10] [rounds=3] [connections=16]
# Needs nginx, wrk, psql, python3, curl (Debian: apt-get install nginx wrk postgresql-client).
set -uo pipefail
cd "$(dirname "$0")/../.."
secs=${1:-10}; rounds=${2:-3}; c=${3:-16}
for t in nginx wrk psql python3 curl openssl; do
  command -v $t >/dev/null || { echo "$t missing (Debian: apt-get install nginx wrk postgresql-client)"; exit 1; }
done
jar=${CARRYOVER_JAR:-target/carryover.jar}
[ -f "$jar" ] || ./mvnw -B -q package -DskipTests || exit 1
d=$(mktemp -d -t two-nodes.XXXX)
free() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
pa=$(free); pb=$(free); one=$(free); both=$(free)
export CARRYOVER_SECRET_KEY=$(openssl rand -base64 32)
pids=()
stop() { [ -f "$d/nginx.pid" ] && kill "$(cat "$d/nginx.pid")" 2>/dev/null
         for p in "${pids[@]}"; do kill -TERM "-$p" 2>/dev/null; done
         for p in "${pids[@]}"; do for _ in $(seq 30); do kill -0 "$p" 2>/dev/null || break; sleep 1; done; kill -KILL "-$p" 2>/dev/null; done
         rm -rf "$d"; }
trap stop EXIT
healthy() { for _ in $(seq 180); do curl -fsS "http://127.0.0.1:$1/actuator/health" 2>/dev/null | grep -q UP && return 0; sleep 1; done; return 1; }
CARRYOVER_DATA_DIR="$d/a" setsid java -jar "$jar" --server.port="$pa" --carryover.demo=true >"$d/a.log" 2>&1 &
pids+=($!)
healthy "$pa" || { echo "node A not healthy:"; tail -5 "$d/a.log"; exit 1; }
pgport=$(grep -o 'running on 127.0.0.1:[0-9]*' "$d/a.log" | head -1 | cut -d: -f2)
# Node B runs as a node on an external database must: with an SMTP host (none is reached; nothing is mailed here).
CARRYOVER_SMTP_HOST=127.0.0.1 CARRYOVER_SMTP_PORT=$(free) CARRYOVER_SMTP_STARTTLS=false \
CARRYOVER_DATA_DIR="$d/b" CARRYOVER_DB_URL="jdbc:postgresql://127.0.0.1:$pgport/carryover" CARRYOVER_DB_USER=carryover \
  CARRYOVER_DB_PASSWORD="$(cat "$d/a/postgres-carryover.password")" \
  setsid java -jar "$jar" --server.port="$pb" >"$d/b.log" 2>&1 &
pids+=($!)
healthy "$pb" || { echo "node B not healthy:"; grep -E "Caused by|Description|Reason" "$d/b.log" | tail -6; exit 1; }
cat > "$d/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid $d/nginx.pid;
error_log $d/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $d/body; proxy_temp_path $d/proxy; fastcgi_temp_path $d/fcgi;
  uwsgi_temp_path $d/uwsgi; scgi_temp_path $d/scgi;
  upstream one { server 127.0.0.1:$pa; keepalive 32; }
  upstream both { server 127.0.0.1:$pa; server 127.0.0.1:$pb; keepalive 32; }
  server { listen 127.0.0.1:$one; location / { proxy_pass http://one; proxy_http_version 1.1;
           proxy_set_header Connection ""; proxy_set_header Host \$host:$one; } }
  server { listen 127.0.0.1:$both; location / { proxy_pass http://both; proxy_http_version 1.1;
           proxy_set_header Connection ""; proxy_set_header Host \$host:$both; } }
}
CONF
nginx -c "$d/nginx.conf" -p "$d" >"$d/nginx.out" 2>&1 &
for _ in $(seq 20); do curl -fsS "http://127.0.0.1:$both/actuator/health" 2>/dev/null | grep -q UP && break; sleep 0.5; done

password=$(grep -o 'the password is "[^"]*"' "$d/a.log" | head -1 | cut -d'"' -f2)
emails=$(grep -oE '^ +[^ ]+@[^ ]+ +client' "$d/a.log" | awk '{print $1}')
# 1. A session made on node A is honoured on node B.
first=$(echo "$emails" | head -1)
line=$(python3 bench/write-path/sign_in.py "http://127.0.0.1:$pa" "$password" "$first")
cookie=${line%%|*}
status=$(curl -s -o "$d/today-b.html" -w '%{http_code}' -H "Cookie: $cookie" "http://127.0.0.1:$pb/today")
if [ "$status" != 200 ] || ! grep -q 'csrf-token' "$d/today-b.html"; then
  echo "FAILED: a session made on node A was not honoured on node B (HTTP $status)"; exit 1
fi
echo "sessions: signed in on node A, Today on node B answered 200 for the same session"

export CLIENTS=$(python3 bench/write-path/sign_in.py "http://127.0.0.1:$both" "$password" $emails)
clients=$(echo "$CLIENTS" | grep -c '|')
export OCCURRED_AT=$(date -u +%Y-%m-%dT%H:%M:%SZ)
load_start=$(cut -d' ' -f1 /proc/loadavg)
wrk -t2 -c8 -d10s -s bench/write-path/post-entry.lua "http://127.0.0.1:$both" >/dev/null 2>&1
: > "$d/results"
for round in $(seq "$rounds"); do
  r1=$(wrk -t2 -c"$c" -d"${secs}s" -s bench/write-path/post-entry.lua "http://127.0.0.1:$one" 2>&1 | grep '^result' | cut -d' ' -f2-)
  r2=$(wrk -t2 -c"$c" -d"${secs}s" -s bench/write-path/post-entry.lua "http://127.0.0.1:$both" 2>&1 | grep '^result' | cut -d' ' -f2-)
  echo "$round ${r1:-0 0 0 0 0} ${r2:-0 0 0 0 0}" | tee -a "$d/results"
done
load_end=$(cut -d' ' -f1 /proc/loadavg)

# 2. Let the sealer catch up (every 2 s on whichever node claims it), then: every seal made once, by one node.
sleep 12
export PGPASSWORD=$(cat "$d/a/postgres-superuser.password")
q() { psql -h 127.0.0.1 -p "$pgport" -U postgres -Atc "$1" carryover; }
unsealed=$(q "SELECT count(*) FROM audit_event e WHERE e.xact IS NOT NULL AND e.xact >= (SELECT horizon FROM audit_sealer)")
seals=$(q "SELECT count(*) FROM audit_seal")
by_a=$(grep -c 'carryover.audit.seals' "$d/a.log"); by_b=$(grep -c 'carryover.audit.seals' "$d/b.log")
twice=$(cat "$d/a.log" "$d/b.log" | grep -o 'audit seal practice=[^ ]* seal=[0-9]*' | sort | uniq -d | wc -l)
if [ "$twice" != 0 ] || [ $((by_a + by_b)) != "$seals" ]; then
  echo "FAILED: seals published $by_a (A) + $by_b (B), $seals stored, $twice published twice"; exit 1
fi
echo "sealer: $seals seals, published $by_a by node A and $by_b by node B, none twice; $unsealed rows above the horizon"

machine="$(nproc) cores, $(java -version 2>&1 | head -1 | cut -d'"' -f2), load $load_start at start / $load_end at end"
python3 - "$d/results" "$secs" "$clients" "$c" "$machine" "$seals" "$by_a" "$by_b" <<'PY'
import datetime, statistics, sys
path, secs, clients, c, machine, seals, by_a, by_b = sys.argv[1:9]
rows = [list(map(float, l.split())) for l in open(path) if l.strip()]
ratio = sorted(r[8] / r[3] for r in rows if r[3] > 0)
med = statistics.median
one = med([r[3] for r in rows]); both = med([r[8] for r in rows])
errors = sum(r[2] + r[7] for r in rows)
row = (f"| {datetime.date.today()} | two nodes behind nginx / one node behind nginx, entry POST, {c} connections, "
       f"{len(rows)} rounds of {secs} s, {clients} demo clients in turn | {machine} | "
       f"{ratio[0]:.2f} / {med(ratio):.2f} / {ratio[-1]:.2f} | one node {one:.0f} req/s, two nodes {both:.0f} req/s "
       f"({errors:.0f} errors); sessions honoured across nodes; {seals} seals, {by_a} made by node A and {by_b} by "
       f"node B, none twice |")
print(row)
open("docs/benchmarks.md", "a").write(row + "\n")
PY
