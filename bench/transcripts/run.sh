#!/usr/bin/env bash
# Speed of `carryover transcripts detect` end to end (start-up included) on a synthetic utterances
# file: generates LINES lines (default 200,000), runs the jar RUNS times (default 5), and appends
# the machine, date, min/median/max seconds and the rate at the median to docs/benchmarks.md.
# usage: bench/transcripts/run.sh            (LINES=... RUNS=... to change)
set -euo pipefail
cd "$(dirname "$0")/../.."
LINES=${LINES:-200000}
RUNS=${RUNS:-5}
OUT=bench/out/transcripts
mkdir -p "$OUT"
INPUT="$OUT/utterances-$LINES.jsonl"
[ -f "$INPUT" ] || python3 bench/transcripts/generate.py --lines "$LINES" --output "$INPUT"
[ -f target/carryover.jar ] || ./mvnw -B -q -o package -DskipTests
times=()
for i in $(seq "$RUNS"); do
  start=$(date +%s.%N)
  java -jar target/carryover.jar transcripts detect --input "$INPUT" --output "$OUT/detected.jsonl" --quiet 2>/dev/null
  end=$(date +%s.%N)
  t=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')
  times+=("$t")
  printf 'run %d: %.2f s\n' "$i" "$t"
done
written=$(wc -l < "$OUT/detected.jsonl")
stats=$(printf '%s\n' "${times[@]}" | sort -g | awk -v lines="$LINES" '{a[NR]=$1} END {
  med = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2;
  printf "%.2f %.2f %.2f %.0f", a[1], med, a[NR], lines / med }')
read -r min median max rate <<< "$stats"
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//' || echo unknown)
machine="$(nproc) cores ($cpu), $(free -g | awk '/Mem:/ {print $2}') GB, load $(cut -d' ' -f1 /proc/loadavg) at start of last run"
java_version=$(java -version 2>&1 | head -1)
doc=docs/benchmarks.md
line=$(printf '| %s | transcripts detect, %s lines, %s runs | %s, %s | %s / %s / %s s | %s utterances/s |' \
  "$(date -u +%Y-%m-%d)" "$LINES" "$RUNS" "$machine" "$java_version" "$min" "$median" "$max" "$rate")
if [ ! -f "$doc" ]; then
  printf '# Benchmarks\n\n| date | benchmark | machine | min / median / max | rate (at the median) |\n|---|---|---|---|---|\n' > "$doc"
fi
echo "$line" >> "$doc"
echo "min $min s, median $median s, max $max s: $rate utterances/s at the median (appended to $doc)"
