#!/usr/bin/env bash
# The FHIR $everything benchmark: Patient/{id}/$everything with an API token for a client with a year
# of weekly sessions and daily practice on three assignments (one worksheet, two quick logs), seeded
# through the real services on the bundled PostgreSQL. Appends min / median / max and p95 (wall time and
# the request thread's CPU time) to docs/benchmarks.md (target from issue 18: p95 <= 300 ms).
# Usage: bench/fhir/run.sh                 this tree
#        BEFORE=<commit> bench/fhir/run.sh  that commit's server code first (with this tree's benchmark
#                                           and test helpers copied in), then this tree, in one run
# JFR=dir records the timed calls of each run with Java Flight Recorder into dir.
set -euo pipefail
cd "$(dirname "$0")/../.."
here=$(pwd)
out="$here/docs/benchmarks.md"
after=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo "+changes")
run() { # directory, label, jfr file
    (cd "$1" && nice ./mvnw -B -q -o test -Dtest=FhirEverythingBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
        -Dcarryover.bench=true -Dcarryover.bench.label="$2" -Dcarryover.bench.out="$out" \
        ${3:+-Dcarryover.bench.jfr="$3"})
    grep -h -E "FHIR \\\$everything" "$1/target/surefire-reports/app.carryover.bench.FhirEverythingBenchmark-output.txt" || true
}
if [ -n "${BEFORE:-}" ]; then
    old=$(mktemp -d /tmp/carryover-before.XXXXXX)
    git worktree add --detach "$old" "$BEFORE" >/dev/null
    trap 'git worktree remove --force "$old"' EXIT
    for f in src/test/java/app/carryover/bench/FhirEverythingBenchmark.java src/test/java/app/carryover/testing/PracticeYear.java; do
        cp "$f" "$old/$f"
    done
    run "$old" "before: $(git rev-parse --short "$BEFORE")" "${JFR:+$JFR/before.jfr}"
    run "$here" "after: $after" "${JFR:+$JFR/after.jfr}"
else
    run "$here" "$after" "${JFR:+$JFR/run.jfr}"
fi
