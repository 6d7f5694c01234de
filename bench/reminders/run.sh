#!/usr/bin/env bash
# The reminders benchmark: 100,000 due reminders (200 clients x 500 moments, stored as the planner
# stores them) dispatched by two polling scheduler nodes to the local SMTP sink (GreenMail), on the
# bundled PostgreSQL with durable settings. Appends the throughput per 10,000 messages (min / median /
# max), the overall rate and how many e-mails arrived exactly once to docs/benchmarks.md.
# Usage: bench/reminders/run.sh   (smaller: CLIENTS=20 MOMENTS=100 bench/reminders/run.sh; MINUTES=15 stops the
# sending after 15 minutes and reports what was sent by then, default 120)
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -o test -Dtest=ReminderDispatchBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dcarryover.bench=true -Dcarryover.test.durable=true \
  -Dcarryover.bench.clients="${CLIENTS:-200}" -Dcarryover.bench.moments="${MOMENTS:-500}" \
  -Dcarryover.bench.minutes="${MINUTES:-120}"
grep -h "reminders dispatch" target/surefire-reports/app.carryover.reminders.ReminderDispatchBenchmark-output.txt || true
