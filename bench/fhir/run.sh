#!/usr/bin/env bash
# The FHIR $everything benchmark: Patient/{id}/$everything with an API token for a client with a year
# of weekly sessions and daily practice on three assignments (one worksheet, two quick logs), seeded
# through the real services on the bundled PostgreSQL. Appends min / median / max and p95 to
# docs/benchmarks.md (target from issue 18: p95 <= 300 ms).
# Usage: bench/fhir/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q test -Dtest=FhirEverythingBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dcarryover.bench=true
grep -h -E "FHIR \\\$everything" target/surefire-reports/app.carryover.bench.FhirEverythingBenchmark-output.txt || true
