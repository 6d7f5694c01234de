#!/usr/bin/env bash
# The outcome benchmarks of issue 12, on the bundled PostgreSQL: the caseload dashboard (GET /caseload) for a
# clinician with 60 clients and a year of weekly sessions, homework, reviews and PHQ-9/GAD-7 scores each
# (target p95 <= 50 ms), and the practice's adherence-against-outcome association over 10,000 such clients
# (service call and GET /admin/progress, target <= 2 s). Ten clients are seeded through the real services,
# then copied server-side (bench/outcomes/clone.sql) within the same practice. Appends min / median / max
# and p95 to docs/benchmarks.md.
# Usage: bench/outcomes/run.sh [caseload|association|both=both] (CLIENTS=… for another practice size)
set -euo pipefail
cd "$(dirname "$0")/../.."
case "${1:-both}" in
  caseload) tests='OutcomeBenchmark#caseloadDashboardFor60ClientsWithAYearEach' ;;
  association) tests='OutcomeBenchmark#practiceAssociationFor10000ClientsWithAYearEach' ;;
  *) tests='OutcomeBenchmark' ;;
esac
./mvnw -B -q -o test -Dtest="$tests" -Dsurefire.failIfNoSpecifiedTests=false -Dcarryover.bench=true \
  -Dcarryover.bench.clients="${CLIENTS:-10000}"
grep -h -E "seeded|association over|\| .*(caseload dashboard|association)" \
  target/surefire-reports/app.carryover.bench.OutcomeBenchmark-output.txt || true
