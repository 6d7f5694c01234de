#!/usr/bin/env bash
# The transcript module's former hand-written JSON reader against Jackson, on the lines of the generated
# utterances file (LINES, default 200,000): both parse every line RUNS times (default 7), in turn, in one
# JVM; appends min/median/max lines per second of each to docs/benchmarks.md. (Issue 20 item 6: the
# library stays unless a measurement shows it cannot serve.)
# usage: bench/transcripts/json.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
LINES=${LINES:-200000}
RUNS=${RUNS:-7}
OUT=bench/out/transcripts
mkdir -p "$OUT"
INPUT="$OUT/utterances-$LINES.jsonl"
[ -f "$INPUT" ] || python3 bench/transcripts/generate.py --lines "$LINES" --output "$INPUT"
./mvnw -B -q -o test-compile
./mvnw -B -q -o dependency:build-classpath -Dmdep.outputFile="$OUT/classpath.txt" -Dmdep.includeScope=test >/dev/null
load=$(cut -d' ' -f1 /proc/loadavg)
result=$(java -cp "target/test-classes:target/classes:$(cat "$OUT/classpath.txt")" \
  app.carryover.transcripts.bench.JsonReaderBenchmark "$INPUT" "$RUNS")
echo "$result"
hand=$(echo "$result" | awk '/^hand-written/ {print $2 " / " $3 " / " $4}')
jack=$(echo "$result" | awk '/^jackson/ {print $2 " / " $3 " / " $4}')
machine="$(nproc) cores, $(java -version 2>&1 | head -1), load $load at start"
doc=docs/benchmarks.md
printf '| %s | transcript JSON lines parsed, hand-written reader, %s lines, %s runs | %s | %s lines/s | (side by side with the next row) |\n' \
  "$(date -u +%Y-%m-%d)" "$LINES" "$RUNS" "$machine" "$hand" >> "$doc"
printf '| %s | transcript JSON lines parsed, Jackson readTree, %s lines, %s runs | %s | %s lines/s | the reader in use |\n' \
  "$(date -u +%Y-%m-%d)" "$LINES" "$RUNS" "$machine" "$jack" >> "$doc"
echo "appended to $doc"
