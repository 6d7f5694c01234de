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
# start-up to healthy on its data and its resident memory after the run; and CPU per page (CPU_PAGES
# sequential GETs per screen and server, java + its PostgreSQL from /proc), min / median / max.
# Before/after in one run: JARS="before=/tmp/old.jar after=target/carryover.jar" runs a server per build and
# scale (each on its own copy of the data), reads them in turn and adds the after/before ratio of the p95.
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
jars=${JARS:-${BENCH_LABEL:-this build}=$jar}
jars=${jars// /$'\n'}
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
declare -A base pid_of startup jar_of dir_of
variants=""
while IFS='=' read -r label path; do
  [ -n "$label" ] || continue
  v=$(echo "$label" | tr -c 'A-Za-z0-9\n' '_'); variants="$variants $v"; jar_of[$v]=$path
  [ -f "$path" ] || { echo "$path: no such jar"; exit 1; }
  echo "$v=$label" >>"$d/labels"
done <<<"$jars"
first=${variants# }; first=${first%% *}
for s in $scales; do for v in $variants; do
  if [ "$v" = "$first" ]; then dir_of[$s.$v]=$data/x$s; else dir_of[$s.$v]=$d/x$s.$v; cp -a "$data/x$s" "${dir_of[$s.$v]}"; fi
done; done
for sv in $(for s in $scales; do for v in $variants; do echo "$s.$v"; done; done); do
  s=${sv%%.*}; v=${sv#*.}
  port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
  base[$sv]="http://127.0.0.1:$port"
  t0=$(date +%s.%N)
  CARRYOVER_DATA_DIR="${dir_of[$sv]}" setsid java -jar "${jar_of[$v]}" --server.port="$port" >"$d/server.$sv.log" 2>&1 &
  pid_of[$sv]=$!; pids="$pids $!"
  for _ in $(seq 600); do curl -fsS "${base[$sv]}/actuator/health" 2>/dev/null | grep -q UP && break; sleep 0.2; done
  curl -fsS "${base[$sv]}/actuator/health" 2>/dev/null | grep -q UP || { echo "server $sv not healthy"; tail -5 "$d/server.$sv.log"; exit 1; }
  startup[$sv]=$(python3 -c "import time;print(f'{time.time()-$t0:.1f}')")
  pgport=$(grep -o 'running on 127.0.0.1:[0-9]*' "$d/server.$sv.log" | head -1 | cut -d: -f2)
  export PGPASSWORD=$(cat "${dir_of[$sv]}/postgres-superuser.password")
  # 12 sample clients, spread over the generated practices and over the six kinds of demo history
  psql -h 127.0.0.1 -p "$pgport" -U postgres -At -F'|' carryover >"$d/samples.$sv" <<'SQL' || exit 1
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
  python3 "$here/sign_in.py" "${base[$sv]}" "try carryover today" <"$d/samples.$sv" >"$d/targets.$sv" || exit 1
  echo "scale $s, $v: healthy in ${startup[$sv]} s; $(cut -d'|' -f1 "$d/targets.$sv" | sort | uniq -c | tr '\n' ' ')"
done
all=$(for s in $scales; do for v in $variants; do echo "$s.$v"; done; done)
load_start=$(cut -d' ' -f1 /proc/loadavg)
for sv in $all; do for screen in $screens; do   # warm the JIT and caches (not counted)
  TARGETS=$(grep "^$screen|" "$d/targets.$sv" | cut -d'|' -f2-) wrk -t1 -c"$conns" -d3s -s "$here/get.lua" "${base[$sv]}" >/dev/null 2>&1
done; done
: >"$d/results"
for round in $(seq "$rounds"); do
  for screen in $screens; do
    for sv in $all; do
      r=$(TARGETS=$(grep "^$screen|" "$d/targets.$sv" | cut -d'|' -f2-) \
          wrk -t1 -c"$conns" -d"${secs}s" -s "$here/get.lua" "${base[$sv]}" 2>&1 | grep '^result' | cut -d' ' -f2-)
      echo "$round $screen ${sv%%.*} ${sv#*.} ${r:-0 0 0 0 0 0}" | tee -a "$d/results"
    done
  done
done
# CPU per page, less sensitive than latency to other work on a shared machine: CPU_PAGES (default 12)
# sequential GETs of each screen per server, the CPU ticks of the java process and of its bundled
# PostgreSQL (the postmaster and its backends) read from /proc before and after each page.
hz=$(getconf CLK_TCK)
tree() { echo "$1"; for c in $(cat /proc/"$1"/task/*/children 2>/dev/null); do tree "$c"; done; }
ticks() { local t=0 s p; for p in $(for r in "$@"; do tree "$r"; done); do
            s=$(awk '{print $14 + $15}' /proc/"$p"/stat 2>/dev/null) && t=$(( t + ${s:-0} )); done; echo "$t"; }
: >"$d/cpu"
for sv in $all; do
  postmaster=$(pgrep -o -f "postgres -D ${dir_of[$sv]}/" || true)
  for screen in $screens; do
    mapfile -t lines < <(grep "^$screen|" "$d/targets.$sv")
    [ ${#lines[@]} -gt 0 ] || continue
    for i in $(seq 0 $(( ${CPU_PAGES:-12} - 1 ))); do
      l=${lines[$(( i % ${#lines[@]} ))]}; cookie=$(echo "$l" | cut -d'|' -f2); path=$(echo "$l" | cut -d'|' -f3)
      j0=$(ticks "${pid_of[$sv]}"); p0=$(ticks $postmaster); t0=$(date +%s%N)
      code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" -H 'Accept: text/html' "${base[$sv]}$path")
      t1=$(date +%s%N); j1=$(ticks "${pid_of[$sv]}"); p1=$(ticks $postmaster)
      echo "$screen ${sv%%.*} ${sv#*.} $(( (j1 - j0) * 1000 / hz )) $(( (p1 - p0) * 1000 / hz )) $(( (t1 - t0) / 1000000 )) $code" >>"$d/cpu"
    done
  done
done
load_end=$(cut -d' ' -f1 /proc/loadavg)
: >"$d/servers"
for sv in $all; do
  rss=$(( $(ps -o rss= -p "${pid_of[$sv]}" 2>/dev/null || echo 0) / 1024 ))
  export PGPASSWORD=$(cat "${dir_of[$sv]}/postgres-superuser.password")
  pgport=$(grep -o 'running on 127.0.0.1:[0-9]*' "$d/server.$sv.log" | head -1 | cut -d: -f2)
  counts=$(psql -h 127.0.0.1 -p "$pgport" -U postgres -At -F' ' -c "SELECT (SELECT count(*) FROM client), (SELECT count(*) FROM practice_entry), pg_size_pretty(pg_database_size('carryover'))" carryover)
  echo "${sv%%.*} ${sv#*.} ${startup[$sv]} $rss $counts" | tee -a "$d/servers"
done
machine="$(nproc) cores, $(java -version 2>&1 | head -1 | cut -d'"' -f2), load $load_start at start / $load_end at end"
python3 - "$d/results" "$d/servers" "$secs" "$conns" "$machine" "$d/labels" "$d/cpu" <<'PY'
import datetime, statistics, sys
results, servers, secs, conns, machine, labels, cpu = sys.argv[1:8]
med = statistics.median
today = datetime.date.today()
names = dict(l.strip().split("=", 1) for l in open(labels) if l.strip())
rows = [l.split() for l in open(results) if l.strip()]
info = {(l.split()[0], l.split()[1]): l.split()[2:] for l in open(servers) if l.strip()}
scales = list(dict.fromkeys(r[2] for r in rows))
variants = list(dict.fromkeys(r[3] for r in rows))
def size(s, v):
    i = info[(s, v)]
    return f"{s}× ({int(i[2]):,} clients, {int(i[3]):,} entries, {' '.join(i[4:])})"
def build(v):
    return f", {names[v]}" if len(variants) > 1 or names[v] != "this build" else ""
out, p95 = [], {}
for screen in dict.fromkeys(r[1] for r in rows):
    for s in scales:
        for v in variants:
            rs = [list(map(float, r[4:])) for r in rows if r[1] == screen and r[2] == s and r[3] == v]
            p95s = sorted(r[4] for r in rs); p95[(screen, s, v)] = med(p95s)
            errors = sum(r[1] for r in rs)
            what = f"read: {screen} at {size(s, v)}, {conns} connections, {len(rs)} rounds of {secs} s, 12 sample readers{build(v)}"
            out.append(f"| {today} | {what} | {machine} | p95 {p95s[0]:.1f} / {med(p95s):.1f} / {p95s[-1]:.1f} ms "
                       f"| p50 {med(r[3] for r in rs):.1f} ms, p99 {med(r[5] for r in rs):.1f} ms, {med(r[2] for r in rs):.0f} req/s, {errors:.0f} errors |")
        if len(variants) > 1:
            a, b = variants[0], variants[-1]
            out.append(f"| {today} | read: {screen} at {s}×, median p95 of {names[b]} / {names[a]} (same run) | {machine} "
                       f"| {p95[(screen, s, b)] / p95[(screen, s, a)]:.2f} | {p95[(screen, s, a)]:.1f} → {p95[(screen, s, b)]:.1f} ms |")
    if len(scales) > 1:
        for v in variants:
            out.append(f"| {today} | read: {screen}, growth of the median p95 from {scales[0]}× to {scales[-1]}×{build(v)} | {machine} "
                       f"| {p95[(screen, scales[-1], v)] / p95[(screen, scales[0], v)]:.2f}× | {p95[(screen, scales[0], v)]:.1f} → {p95[(screen, scales[-1], v)]:.1f} ms |")
cpus = [l.split() for l in open(cpu) if l.strip()]
for screen in dict.fromkeys(c[0] for c in cpus):
    for s in scales:
        for v in variants:
            cs = [c for c in cpus if c[0] == screen and c[1] == s and c[2] == v]
            if not cs:
                continue
            both = sorted(int(c[3]) + int(c[4]) for c in cs)
            out.append(f"| {today} | read: CPU per page, {screen} at {s}×, {len(cs)} sequential GETs (java + its PostgreSQL, CPU ticks from /proc){build(v)} | {machine} "
                       f"| {both[0]} / {med(both):.0f} / {both[-1]} ms CPU | java {med(int(c[3]) for c in cs):.0f} ms + PostgreSQL {med(int(c[4]) for c in cs):.0f} ms (medians), "
                       f"wall {med(int(c[5]) for c in cs):.0f} ms, {sum(c[6] != '200' for c in cs)} not 200 |")
for s in scales:
    for v in variants:
        out.append(f"| {today} | start-up to healthy and resident memory on generated data, {size(s, v)}{build(v)} | {machine} "
                   f"| {info[(s, v)][0]} s | java resident set {info[(s, v)][1]} MB after the reads |")
print("\n".join(out))
with open("docs/benchmarks.md", "a") as f:
    f.write("\n".join(out) + "\n")
PY
