#!/usr/bin/env bash
# Generates a data directory of practices for the benchmarks, straight in PostgreSQL: starts the jar in
# demo mode on a new data directory (the bundled PostgreSQL, migrations, the demo practice made through
# the real services), gives the demo clients symptom measures, copies the demo practice server-side
# (generate.sql) into practices of 10 clinicians and PER_PRACTICE clients each, checks every foreign
# key (check.sql) and stops. Start the server on it afterwards with CARRYOVER_DATA_DIR=DATA_DIR.
# Usage: bench/datagen/generate.sh CLIENTS DATA_DIR [PER_PRACTICE=250]
#   1× = 1000 clients (4 practices), 10× = 10000 (40), top size 100000 (400). Sign-in: any generated
#   account, e.g. maya+p1k0@demo.carryover.test (clinician and admin) or priya+p1c0@demo.carryover.test
#   (client), password "try carryover today" (as the demo's; the practices are marked demo).
# Needs psql (Debian: apt-get install postgresql-client); builds the jar if missing (CARRYOVER_JAR=… for another).
set -euo pipefail
cd "$(dirname "$0")/../.."
clients=${1:?usage: generate.sh CLIENTS DATA_DIR [PER_PRACTICE=250]}
dir=${2:?usage: generate.sh CLIENTS DATA_DIR [PER_PRACTICE=250]}
per=${3:-250}
[ -e "$dir" ] && [ -n "$(ls -A "$dir" 2>/dev/null)" ] && { echo "$dir is not empty: generate into a new directory"; exit 1; }
command -v psql >/dev/null || { echo "psql missing (Debian: apt-get install postgresql-client)"; exit 1; }
jar=${CARRYOVER_JAR:-target/carryover.jar}
[ -f "$jar" ] || ./mvnw -B -q package -DskipTests
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
started=$(date +%s)
CARRYOVER_DATA_DIR="$dir" setsid java -jar "$jar" --server.port="$port" --carryover.demo=true >"$dir/generate.log" 2>&1 &
pid=$!
stop() { kill -TERM "-$pid" 2>/dev/null || true; for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
         kill -KILL "-$pid" 2>/dev/null || true; }
trap stop EXIT
for _ in $(seq 300); do curl -fsS "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q UP && break; sleep 1; done
curl -fsS "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q UP || { echo "server not healthy:"; tail -5 "$dir/generate.log"; exit 1; }
pgport=$(grep -o 'running on 127.0.0.1:[0-9]*' "$dir/generate.log" | head -1 | cut -d: -f2)
export PGPASSWORD=$(cat "$dir/postgres-superuser.password")
practices=$(( (clients + per - 1) / per ))
echo "demo practice made in $(( $(date +%s) - started )) s; generating $practices practices of $per clients"
t0=$(date +%s)
psql -q -h 127.0.0.1 -p "$pgport" -U postgres -v practices="$practices" -v per_practice="$per" \
  -f bench/datagen/generate.sql carryover >/dev/null
t1=$(date +%s)
psql -q -h 127.0.0.1 -p "$pgport" -U postgres -f bench/datagen/check.sql carryover
echo "generated in $(( t1 - t0 )) s, checked in $(( $(date +%s) - t1 )) s: $dir"
