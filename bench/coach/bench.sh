#!/usr/bin/env bash
# Coach batch benchmark: labels a generated 100,000-line file with the packaged jar several times, end to
# end (JVM start-up included), and appends machine, date, min/median/max and rate to docs/benchmarks.md.
# Usage: bench/coach/bench.sh [RUNS] [LINES]   (build first: ./mvnw -B -q package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-5}
LINES=${2:-100000}
JAR=target/carryover.jar
OUT=bench/out
mkdir -p "$OUT"
[ -f "$JAR" ] || { echo "no $JAR: run ./mvnw -B -q package -DskipTests first" >&2; exit 2; }
INPUT="$OUT/coach-$LINES.jsonl"
java bench/coach/GenerateAssignments.java "$LINES" "$INPUT" 42
load=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo "?")
times=()
for i in $(seq 1 "$RUNS"); do
  start=$(date +%s.%N)
  java -jar "$JAR" coach --input "$INPUT" --output "$OUT/coach-labels.jsonl"
  end=$(date +%s.%N)
  t=$(awk -v a="$start" -v b="$end" 'BEGIN {print b - a}')
  times+=("$t")
  printf 'run %d: %.2f s\n' "$i" "$t"
done
written=$(wc -l < "$OUT/coach-labels.jsonl")
[ "$written" -eq "$LINES" ] || { echo "expected $LINES output lines, got $written" >&2; exit 1; }
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
min=$(echo "$sorted" | head -1)
max=$(echo "$sorted" | tail -1)
median=$(echo "$sorted" | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}')
rate=$(awk -v n="$LINES" -v m="$median" 'BEGIN {print n / m}')
cpu=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | sed 's/^ *//' || echo unknown)
machine="$(nproc) cores, ${cpu:-unknown CPU}, $(free -g 2>/dev/null | awk '/Mem:/ {print $2 " GiB"}'), $(java -version 2>&1 | head -1), load average $load at start"
line=$(printf '| %s | coach batch, %d lines, %d runs | %s | %.2f / %.2f / %.2f s | %.0f assignments/s |' \
  "$(date -u +%Y-%m-%d)" "$LINES" "$RUNS" "$machine" "$min" "$median" "$max" "$rate")
if [ ! -f docs/benchmarks.md ]; then
  cat > docs/benchmarks.md <<'HDR'
# Benchmarks

Measured figures, one line a run of a benchmark script; each script says how to repeat it.

| date | benchmark | machine | min / median / max | rate (at the median) |
|---|---|---|---|---|
HDR
fi
echo "$line" >> docs/benchmarks.md
echo "$line"
