#!/usr/bin/env bash
# The homework benchmark: the session-start review and the pre-session brief for a client with a
# year of daily practice on five assignments (52 weekly sessions, 260 assignments, ~1,450 entries),
# seeded through the real services on the bundled PostgreSQL with durable settings (fsync and
# synchronous commit on, as a real start has them). Times each as a service call and as a full page
# request (MockMvc, no network), and appends min / median / max and p95 to docs/benchmarks.md.
# Usage: bench/homework/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -o test -Dtest=HomeworkBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dcarryover.bench=true -Dcarryover.test.durable=true
grep -h -E "seeded|\| .*(review|brief)" target/surefire-reports/app.carryover.bench.HomeworkBenchmark-output.txt || true
