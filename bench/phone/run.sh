#!/usr/bin/env bash
# The client's Today on a phone: weight (KB over the network) and speed (ms to DOMContentLoaded, when the
# page answers taps, and to load), read from headless Chromium's Navigation and Resource Timing at 390×844.
# First loads (no service worker, nothing kept) and later loads (the service worker serving the page's
# files) alternate, 15 of each, so both see the same noise. Appends six rows to docs/benchmarks.md.
# Needs Debian's chromium and chromium-driver (as the browser tests do).
# Usage: bench/phone/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -o test -Dtest=ClientTodayBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dcarryover.bench=true
grep -h -E "^\| .*client Today" target/surefire-reports/app.carryover.bench.ClientTodayBenchmark-output.txt || true
