#!/usr/bin/env bash
# Screening quality and speed on the real OFAC SDN list, with the brute-force Jaro-Winkler baseline
# in the same run, then the 1,000,000-name synthetic list in a JVM capped at 1.5 GB of heap.
# Usage: bench/screening.sh [quality|speed|query|ab|cold|restore|scale|build|all|alerts|recall|baseline|pairs|pairs-fresh|digest]   (default all). Output: Markdown on stdout and in
# bench/results/screening-<UTC timestamp>.md.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=../scripts/jdk.sh
source scripts/jdk.sh
custody_find_jdk
custody_find_maven
MODE="${1:-all}"
DATA="${CUSTODY_SHARED_DATA:-../shared/data}/ofac-sdn"
mvn -B -q -o -Pbench -DskipTests compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >&2
CP="target/classes:$(cat target/bench.classpath)"
mkdir -p bench/results
OUT="bench/results/screening-$(date -u +%Y%m%dT%H%M%SZ).md"
# SCREENING_BENCH_OPTS: extra JVM options, e.g. "-Dalerts.dev=true -Dcustody.weight.name_part_conflict=0"
run() { "$JAVA_HOME/bin/java" ${SCREENING_BENCH_OPTS:-} "$@"; }
if [[ "$MODE" == quality || "$MODE" == all ]]; then
  run -Xmx4g -cp "$CP" org.custody.bench.ScreeningBench quality "$DATA" | tee -a "$OUT"
fi
if [[ "$MODE" == alerts || "$MODE" == recall ]]; then
  # recall takes an optional seed (default 20261123, the development set; another seed: a held-out set)
  run -Xmx4g -cp "$CP" org.custody.bench.ScreeningBench "$MODE" "$DATA" ${2:+"$2"} | tee -a "$OUT"
fi
if [[ "$MODE" == baseline ]]; then
  # Custody against the Lucene FuzzyQuery baseline: random edits and transliteration variants
  # optional: queries per set (5000), seed (20261201, the development set; another seed: a held-out set)
  run -Xmx3g -cp "$CP" org.custody.bench.SearchBaselineBench "$DATA" "${2:-5000}" ${3:+"$3"} | tee -a "$OUT"
fi
if [[ "$MODE" == pairs ]]; then
  # compare's verdict on the labelled pair set (PAIRS_SHOW_TEST=1 also prints the held-out third)
  run -Xmx2g -cp "$CP" org.custody.bench.NamePairs eval data/eval/name-pairs.tsv | tee -a "$OUT"
fi
if [[ "$MODE" == digest ]]; then
  # a hash of every answer on 6,000 queries: a change meant only for speed must leave it as it was
  # (bench/results/screening-digest-<timestamp>.tsv holds the answers, to diff two runs)
  run -Xmx2g -cp "$CP" org.custody.bench.ScreeningBench digest "$DATA" "${OUT%.md}-digest.tsv" | tee -a "$OUT"
fi
if [[ "$MODE" == pairs-fresh ]]; then
  # the second held-out pair set, written after the scorer was frozen (every pair in split "fresh")
  run -Xmx2g -cp "$CP" org.custody.bench.NamePairs eval data/eval/name-pairs-fresh.tsv | tee -a "$OUT"
fi
if [[ "$MODE" == query ]]; then
  # the query path alone: CPU time per query on one thread, median of N rounds (default 5); quick enough to
  # compare two builds alternately on a loaded machine
  # (a third argument "recombined" takes names that match nothing, recombined from listed tokens, instead)
  run -Xmx2g -cp "$CP" org.custody.bench.ScreeningBench query "$DATA" "${2:-5}" "${3:-noisy}" | tee -a "$OUT"
fi
if [[ "$MODE" == cold ]]; then
  # a short batch in a fresh JVM (what a 20,000-name custody screen --batch pays): process CPU per chunk of 2,048,
  # N names (default 20000) of one set: recombined (names that match nothing) or noisy
  run -Xmx2g -cp "$CP" org.custody.bench.ScreeningBench cold "$DATA" "${2:-20000}" "${3:-recombined}" | tee -a "$OUT"
fi
if [[ "$MODE" == ab ]]; then
  # two builds taking turns in one JVM on the same queries (both see the same load): OLD is a class folder of
  # another build, e.g. main's: git worktree add /tmp/main main && (cd /tmp/main && mvn -B -q -o -Pbench -DskipTests compile)
  # then bench/screening.sh ab /tmp/main/target/classes 15 noisy   (or recombined)
  [[ -d "${2:-}" ]] || { echo "usage: bench/screening.sh ab OLD_CLASSES_DIR [ROUNDS] [noisy|recombined]" >&2; exit 2; }
  run -Xmx3g -cp "$CP" org.custody.bench.ScreeningAB "$DATA" "$2" target/classes "${3:-15}" "${4:-noisy}" | tee -a "$OUT"
fi
if [[ "$MODE" == restore ]]; then
  # a cold custody screen's engine part: restore from a snapshot + one query, in N fresh JVMs (default 5) with
  # the launcher's first-tier compiler; a first JVM writes the snapshot of this code to target/screening-snapshot.bin
  SNAP=target/screening-snapshot.bin
  rm -f "$SNAP"
  run -Xmx1g -cp "$CP" org.custody.bench.ScreeningBench restore "$DATA" "$SNAP" >&2
  for ((i = 0; i < ${2:-5}; i++)); do
    run -Xmx1g -XX:TieredStopAtLevel=1 -cp "$CP" org.custody.bench.ScreeningBench restore "$DATA" "$SNAP" | tail -1 | tee -a "$OUT"
  done
fi
if [[ "$MODE" == speed ]]; then
  run -Xmx4g -cp "$CP" org.custody.bench.ScreeningBench speed "$DATA" | tee -a "$OUT"
fi
if [[ "$MODE" == build || "$MODE" == all ]]; then
  run -Xmx2g -cp "$CP" org.custody.bench.ScreeningBench build "$DATA" | tee -a "$OUT"
fi
if [[ "$MODE" == scale || "$MODE" == all ]]; then
  run -Xmx1536m -cp "$CP" org.custody.bench.ScreeningBench scale "$DATA" | tee -a "$OUT"
fi
echo "results in $OUT" >&2
