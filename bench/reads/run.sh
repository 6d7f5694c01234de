#!/usr/bin/env bash
# Read latency at several data sizes, side by side in one run: for each scale (1 = 1,000 clients) a data
# directory is generated once (bench/datagen/generate.sh; kept under BENCH_DATA to reuse) and a server
# started on it, all at the same time. Then, per round, each screen is read on each server in turn with
# wrk, as its signed-in readers (through the sign-in form), 12 sample clients spread over the practices:
#   today     the client's Today (GET /today, as the client)
#   caseload  the clinician's caseload (GET /caseload)
#   overview  the client overview (GET /clients/{id})
#   session   the session screen of the client's next session, with the review of the homework due
#   brief     the pre-session brief of that session
# Appends, per scale and screen, min / median / max of p95 over the rounds, the medians of p50 and p99 and
# req/s, and per screen the growth of the median p95 from the first scale to the last; also each server's
# start-up to healthy on its data and its resident memory after the run.
# Usage: bench/reads/run.sh [seconds=10] [rounds=3] [connections=2]   SCALES="1 10" (100 = 100,000 clients)
# Needs wrk and psql; builds the jar if missing (CARRYOVER_JAR=… another build, BENCH_LABEL=… names it).
set -uo pipefail
cd "$(dirname "$0")/../.."
here=bench/reads
secs=${1:-10}; rounds=${2:-3}; conns=${3:-2}
scales=${SCALES:-1 10}
screens="today caseload overview session brief"
for t in wrk psql python3 curl; do command -v $t >/dev/null || { echo "$t missing"; exit 1; }; done
jar=${CARRYOVER_JAR:-target/carryover.jar}
[ -f "$jar" ] || ./mvnw -B -q package -DskipTests || exit 1
d=$(mktemp -d -t reads.XXXX)
data=${BENCH_DATA:-$d/data}
pids=""
stop() { for p in $pids; do kill -TERM "-$p" 2>/dev/null; done
         for p in $pids; do for _ in $(seq 60); do kill -0 "$p" 2>/dev/null || break; sleep 1; done; kill -KILL "-$p" 2>/dev/null; done
         rm -rf "$d"; }
trap stop EXIT
for s in $scales; do
  [ -f "$data/x$s/postgres-superuser.password" ] || bench/datagen/generate.sh $(( s * 1000 )) "$data/x$s" || exit 1
done
declare -A base pid_of startup
for s in $scales; do
  port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
  base[$s]="http://127.0.0.1:$port"
  t0=$(date +%s.%N)
  CARRYOVER_DATA_DIR="$data/x$s" setsid java -jar "$jar" --server.port="$port" >"$d/server.$s.log" 2>&1 &
  pid_of[$s]=$!; pids="$pids $!"
  for _ in $(seq 600); do curl -fsS "${base[$s]}/actuator/health" 2>/dev/null | grep -q UP && break; sleep 0.2; done
  curl -fsS "${base[$s]}/actuator/health" 2>/dev/null | grep -q UP || { echo "server $s not healthy"; tail -5 "$d/server.$s.log"; exit 1; }
  startup[$s]=$(python3 -c "import time;print(f'{time.time()-$t0:.1f}')")
  pgport=$(grep -o 'running on 127.0.0.1:[0-9]*' "$d/server.$s.log" | head -1 | cut -d: -f2)
  export PGPASSWORD=$(cat "$data/x$s/postgres-superuser.password")
  # 12 sample clients, spread over the generated practices and over the six kinds of demo history
  psql -h 127.0.0.1 -p "$pgport" -U postgres -At -F'|' carryover >"$d/samples.$s" <<'SQL' || exit 1
WITH p AS (SELECT id, row_number() OVER (ORDER BY created_at) AS n, count(*) OVER () AS total FROM practice WHERE name ~ ' [0-9]+$'),
picked AS (
  SELECT c.id AS client, ca.email AS client_email, k.email AS clinician_email,
         (SELECT s.id FROM session_participant sp JOIN therapy_session s ON s.practice_id = sp.practice_id AND s.id = sp.session_id
           WHERE sp.practice_id = c.practice_id AND sp.client_id = c.id AND s.status = 'SCHEDULED' AND s.starts_at > now()
           ORDER BY s.starts_at LIMIT 1) AS next_session
  FROM generate_series(0, 11) i
  JOIN p ON p.n = 1 + (i * p.total / 12) % p.total
  JOIN account ca ON ca.practice_id = p.id AND ca.email LIKE '%+p' || p.n || 'c' || (i * 41 % 250) || '@%'
  JOIN client c ON c.practice_id = p.id AND c.account_id = ca.id
  JOIN care_team_member ct ON ct.practice_id = c.practice_id AND ct.client_id = c.id AND ct.team_role = 'PRIMARY'
  JOIN account k ON k.practice_id = c.practice_id AND k.id = ct.clinician_id)
SELECT 'today', client_email, '/today' FROM picked
UNION ALL SELECT 'caseload', clinician_email, '/caseload' FROM picked
UNION ALL SELECT 'overview', clinician_email, '/clients/' || client FROM picked
UNION ALL SELECT 'session', clinician_email, '/clients/' || client || '/sessions/' || next_session FROM picked WHERE next_session IS NOT NULL
UNION ALL SELECT 'brief', clinician_email, '/clients/' || client || '/sessions/' || next_session || '/brief' FROM picked WHERE next_session IS NOT NULL
SQL
  python3 "$here/sign_in.py" "${base[$s]}" "try carryover today" <"$d/samples.$s" >"$d/targets.$s" || exit 1
  echo "scale $s: healthy in ${startup[$s]} s; $(cut -d'|' -f1 "$d/targets.$s" | sort | uniq -c | tr '\n' ' ')"
done
load_start=$(cut -d' ' -f1 /proc/loadavg)
for s in $scales; do for screen in $screens; do   # warm the JIT and caches (not counted)
  TARGETS=$(grep "^$screen|" "$d/targets.$s" | cut -d'|' -f2-) wrk -t1 -c"$conns" -d3s -s "$here/get.lua" "${base[$s]}" >/dev/null 2>&1
done; done
: >"$d/results"
for round in $(seq "$rounds"); do
  for screen in $screens; do
    for s in $scales; do
      r=$(TARGETS=$(grep "^$screen|" "$d/targets.$s" | cut -d'|' -f2-) \
          wrk -t1 -c"$conns" -d"${secs}s" -s "$here/get.lua" "${base[$s]}" 2>&1 | grep '^result' | cut -d' ' -f2-)
      echo "$round $screen $s ${r:-0 0 0 0 0 0}" | tee -a "$d/results"
    done
  done
done
load_end=$(cut -d' ' -f1 /proc/loadavg)
: >"$d/servers"
for s in $scales; do
  rss=$(( $(ps -o rss= -p "${pid_of[$s]}" 2>/dev/null || echo 0) / 1024 ))
  export PGPASSWORD=$(cat "$data/x$s/postgres-superuser.password")
  pgport=$(grep -o 'running on 127.0.0.1:[0-9]*' "$d/server.$s.log" | head -1 | cut -d: -f2)
  counts=$(psql -h 127.0.0.1 -p "$pgport" -U postgres -At -F' ' -c "SELECT (SELECT count(*) FROM client), (SELECT count(*) FROM practice_entry), pg_size_pretty(pg_database_size('carryover'))" carryover)
  echo "$s ${startup[$s]} $rss $counts" | tee -a "$d/servers"
done
machine="$(nproc) cores, $(java -version 2>&1 | head -1 | cut -d'"' -f2), load $load_start at start / $load_end at end"
python3 - "$d/results" "$d/servers" "$secs" "$conns" "$machine" "${BENCH_LABEL:-}" <<'PY'
import datetime, statistics, sys
results, servers, secs, conns, machine, label = sys.argv[1:7]
med = statistics.median
rows = [l.split() for l in open(results) if l.strip()]
info = {l.split()[0]: l.split()[1:] for l in open(servers) if l.strip()}
scales = list(dict.fromkeys(r[2] for r in rows))
def size(s):
    clients, entries, db = info[s][2], info[s][3], " ".join(info[s][4:])
    return f"{s}× ({int(clients):,} clients, {int(entries):,} entries, {db})"
out, p95 = [], {}
for screen in dict.fromkeys(r[1] for r in rows):
    for s in scales:
        rs = [list(map(float, r[3:])) for r in rows if r[1] == screen and r[2] == s]
        p95s = sorted(r[4] for r in rs); p95[(screen, s)] = med(p95s)
        errors = sum(r[1] for r in rs)
        what = f"read: {screen} at {size(s)}, {conns} connections, {len(rs)} rounds of {secs} s, 12 sample readers" + (f", {label}" if label else "")
        out.append(f"| {datetime.date.today()} | {what} | {machine} | p95 {p95s[0]:.1f} / {med(p95s):.1f} / {p95s[-1]:.1f} ms "
                   f"| p50 {med(r[3] for r in rs):.1f} ms, p99 {med(r[5] for r in rs):.1f} ms, {med(r[2] for r in rs):.0f} req/s, {errors:.0f} errors |")
    if len(scales) > 1:
        out.append(f"| {datetime.date.today()} | read: {screen}, growth of the median p95 from {scales[0]}× to {scales[-1]}× | {machine} "
                   f"| {p95[(screen, scales[-1])] / p95[(screen, scales[0])]:.2f}× | {p95[(screen, scales[0])]:.1f} → {p95[(screen, scales[-1])]:.1f} ms |")
for s in scales:
    out.append(f"| {datetime.date.today()} | start-up to healthy and resident memory on generated data, {size(s)} | {machine} "
               f"| {info[s][0]} s | java resident set {info[s][1]} MB after the reads |")
print("\n".join(out))
with open("docs/benchmarks.md", "a") as f:
    f.write("\n".join(out) + "\n")
PY
