#!/usr/bin/env bash
# Reruns the red-flag model experiment of docs/coach.md ("A trained red-flag model, tried and not shipped").
# Honest arms: the features and rules of blind-batch-4 and -5 come from the coach as it was at each set's first
# run (8a50c82 before any batch-4 correction, 2944ad6 before any batch-5 one), checked out with git archive.
# Usage: src/test/python/red_flag_experiment.sh WORKDIR   (needs the dependency classpath: ./mvnw -o dependency:build-classpath)
set -euo pipefail
cd "$(dirname "$0")/../../.."
W=${1:?work directory}
mkdir -p "$W"
CP=${CP:-$(./mvnw -q -o dependency:build-classpath -Dmdep.outputFile=/dev/stdout)}
R=src/test/resources/coach
SETS="dev=$R/development-set.jsonl b1=$R/blind-batch.jsonl b2=$R/blind-batch-2.jsonl
  b3=$R/blind-batch-3.jsonl other=$R/other-phrasings.jsonl b4=$R/blind-batch-4.jsonl b5=$R/blind-batch-5.jsonl"
for c in 8a50c82 2944ad6 HEAD; do
  rm -rf "$W/src-$c" && mkdir -p "$W/src-$c/out"
  git archive "$c" src/main | tar -x -C "$W/src-$c"
  cp src/test/java/app/carryover/coach/RedFlagFeatures.java src/test/java/app/carryover/coach/RedFlagDump.java \
    "$W/src-$c/src/main/java/app/carryover/coach/"
  javac -nowarn -d "$W/src-$c/out" -cp "$CP" -sourcepath "$W/src-$c/src/main/java" \
    "$W/src-$c"/src/main/java/app/carryover/coach/*.java 2>&1 | grep -v '^Note' || true
  java -cp "$W/src-$c/out:$W/src-$c/src/main/resources:$CP" app.carryover.coach.RedFlagDump "$W/dump-$c.jsonl" $SETS
done
PY=src/test/python/red_flag_model.py
python3 $PY heldout "$W/dump-8a50c82.jsonl" b4 "$W/b4-combined.jsonl" b5   # batch 5 left out of training too
python3 $PY heldout "$W/dump-2944ad6.jsonl" b5 "$W/b5-combined.jsonl"
python3 ../shared/bin/score.py assignments $R/blind-batch-4.jsonl "$W/b4-combined.jsonl"; echo
python3 ../shared/bin/score.py assignments $R/blind-batch-5.jsonl "$W/b5-combined.jsonl"; echo
python3 $PY loso "$W/dump-HEAD.jsonl"   # rules in-sample on every set here
