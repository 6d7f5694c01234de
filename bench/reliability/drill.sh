#!/usr/bin/env bash
# Reliability drills against the packaged server, under write load from the six demo clients (entries
# with ids made by the client; unanswered requests sent again with the same id). Each appends its figures
# to docs/reliability.md: acknowledged entries, lost, duplicates, 503 answers, and the audit's verdict.
#
#   bench/reliability/drill.sh kill [ROUNDS]             # SIGKILL the server, start it again (default 5 rounds)
#   bench/reliability/drill.sh outage-bundled [ROUNDS]   # stop the bundled PostgreSQL under it (SIGINT, SIGKILL)
#   bench/reliability/drill.sh outage-external [ROUNDS]  # Debian's PostgreSQL 15 on loopback, stopped for 15 s
#
# PORT (default 8107) is the server's port; work files go to target/drill. SKIP_BUILD=1 reuses target/carryover.jar.
# outage-external needs Debian's postgresql-15 package and root (it runs initdb and pg_ctl as the postgres user).
set -euo pipefail
cd "$(dirname "$0")/../.."
if [[ "${SKIP_BUILD:-}" != "1" || ! -f target/carryover.jar ]]; then
  ./mvnw -B -q package -DskipTests
fi
mkdir -p target/drill-lib
driver=$(unzip -Z1 target/carryover.jar | grep 'BOOT-INF/lib/postgresql-.*\.jar' | head -1)
unzip -o -q -j target/carryover.jar "$driver" -d target/drill-lib
java -cp "target/drill-lib/$(basename "$driver")" bench/reliability/Drill.java "${1:-kill}" "${2:-5}"
