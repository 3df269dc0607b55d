#!/usr/bin/env bash
# The Spark jobs (custody-spark, local[2]) against the single-process CLI in the same run, on synthetic input:
# names recombined from the bundled OFAC SDN + UN lists (seeded) and synthetic articles and posts (seeded).
# Usage: bench/spark.sh [NAMES] [DOCUMENTS] [SEGMENTS] [SINGLE_EVERY]   (defaults 200000 20000 4 1; the issue's
#        full scale is bench/spark.sh 10000000 1000000 10 5: at 2 ms of CPU a synthetic name and 8-13 ms a document,
#        as measured on the shared machine, about 10 CPU-hours; hours on a quiet one).
# Each workload is cut into SEGMENTS slices; the Spark job takes every slice, the single-process side every
# SINGLE_EVERY-th slice (0, N, 2N, ...), run just before the Spark job on the same slice, so both see the same
# machine load. The comparison is per core in CPU time: user+sys of each whole process (bash's time), which the
# other engineers' load on a shared machine does not inflate the way it inflates wall time.
# Names: `custody screen --json --batch` against the `screen` job
# (JSON Lines out, both). Documents: the same reading + analysis + JSON line + story keys in one plain JVM with two
# threads (SingleProcessIngest; `custody ingest` also writes every document to PostgreSQL, which the job only does
# with --load) against the `ingest` job. Figures: totals of CPU time per item, and the per-slice figures.
# CUSTODY_BENCH_INGEST_ARGS: extra arguments for the ingest job (e.g. --no-parquet: only jsonl/ and story-keys/).
# Output: Markdown on stdout and in bench/results/spark-<UTC timestamp>.md.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=../scripts/jdk.sh
source scripts/jdk.sh
custody_find_jdk
custody_find_maven
NAMES="${1:-200000}"
DOCS="${2:-20000}"
SEGMENTS="${3:-4}"
EVERY="${4:-1}"
SEED=15
CORES=2
WORK="${CUSTODY_BENCH_WORK:-/tmp/custody-spark-bench}"
mkdir -p bench/results "$WORK"
rm -f "$WORK/threads.log"
OUT="bench/results/spark-$(date -u +%Y%m%dT%H%M%SZ).md"

# the core in the local repository, the job jar, and Spark's own jars (what a Spark installation provides)
# (CUSTODY_BENCH_NO_INSTALL=1: use the jars already built)
[[ -n "${CUSTODY_BENCH_NO_INSTALL:-}" ]] || mvn -B -q -o install -DskipTests >&2
[[ -n "${CUSTODY_BENCH_NO_INSTALL:-}" ]] || (cd custody-spark && mvn -B -q -o package -DskipTests \
   dependency:build-classpath -Dmdep.includeScope=provided -Dmdep.outputFile=target/spark.classpath \
   && mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=target/all.classpath) >&2
# the jars are copied aside, so a rebuild in this checkout during a long run changes nothing under it
cp custody-spark/target/custody-spark-0.1.0-SNAPSHOT-job.jar "$WORK/job.jar"
JOB="$WORK/job.jar"
JACKSON=$(tr ':' '\n' < custody-spark/target/all.classpath | grep '/com/fasterxml/jackson/core/' | paste -sd: -)
SPARK_CP="$JOB:$(cat custody-spark/target/spark.classpath):$JACKSON"
OPENS=(--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED -Djdk.reflect.useDirectMethodHandle=false)
spark_job() { "$JAVA_HOME/bin/java" -Xmx2g "${OPENS[@]}" -Dspark.master='local[2]' -cp "$SPARK_CP" org.custody.spark.CustodySparkJobs "$@"; }
tool() { "$JAVA_HOME/bin/java" -Xmx2g -cp "$SPARK_CP" "$@"; }
# `custody` as the launcher runs it (heap cap from the cached index, both JIT tiers for batches), from a copy of the jar
[[ -f target/custody.jar ]] || ./custody --version >/dev/null
rm -rf "$WORK/lib" && cp -r target/lib "$WORK/lib" && cp target/custody.jar "$WORK/custody.jar"
cli() {
  local heap=()
  [[ -f "$CUSTODY_HOME/cache/screening.bin" ]] && heap=(-Xmx$(( 256 + 32 * $(stat -c %s "$CUSTODY_HOME/cache/screening.bin") / 1048576 ))m)
  "$JAVA_HOME/bin/java" -Dcustody.stderr.terminal=false "${heap[@]}" -jar "$WORK/custody.jar" "$@"
}
# timed OUT CMD...: runs CMD (standard output to OUT, standard error to the log) under bash's `time`; prints
# "wall cpu" (cpu = user + sys of the processes it started, from the kernel's accounting)
# (CUSTODY_BENCH_THREADS=1: also each process's CPU time by thread kind, bench/thread-cpu.sh, into the log below)
timed() {
  local out="$1"; shift
  local TIMEFORMAT="%R %U %S"
  if [[ -n "${CUSTODY_BENCH_THREADS:-}" ]]; then
    { time { "$@" > "$out" 2>> "$WORK/stderr.log" & local p=$!; bench/thread-cpu.sh --pid $p "$WORK/threads.txt"; wait $p; }; } \
      2> "$WORK/time.txt" || { echo "failed: $* (see $WORK/stderr.log)" >&2; exit 1; }
    { echo "$1 ${*: -3}"; head -8 "$WORK/threads.txt"; } >> "$WORK/threads.log"
  else
    { time "$@" > "$out" 2>> "$WORK/stderr.log"; } 2> "$WORK/time.txt" || { echo "failed: $* (see $WORK/stderr.log)" >&2; exit 1; }
  fi
  awk '{printf "%s %.2f\n", $1, $2 + $3}' "$WORK/time.txt"
}

# lists: the bundled OFAC SDN + UN in a home of the benchmark's own, exported for the job (names only)
export CUSTODY_HOME="$WORK/home"
if (( NAMES > 0 )); then
  ./custody lists import data/lists >&2
  tool org.custody.spark.CustodySparkJobs export-lists --home "$CUSTODY_HOME" --output "$WORK/lists.clx" >&2
  cli screen "warm up the cache" >/dev/null 2>&1 || true
fi

{
  echo "## Spark jobs against the single-process CLI ($(date -u +%Y-%m-%dT%H:%MZ))"
  echo
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo); load average at start: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "Command: ${CUSTODY_BENCH_INGEST_ARGS:+CUSTODY_BENCH_INGEST_ARGS=$CUSTODY_BENCH_INGEST_ARGS }bench/spark.sh $NAMES $DOCS $SEGMENTS $EVERY (local[2]; the single-process side on the same 2 cores, every ${EVERY}. slice)."
  echo
} | tee -a "$OUT"

# summarise WORKLOAD < TSV (slice items single-wall single-cpu spark-wall spark-cpu load): one table row. Per core
# per second = items / CPU-seconds; the single-process rate from the slices it ran, the Spark rate from all slices
# and (in brackets) from the same slices as the single process.
summarise() {
  awk -v w="$1" '{ n += $2; sw += $5; sc += $6; if ($3 != "-") { m += $2; cw += $3; cc += $4; pc += $6 } }
    END { printf "| %s | %d (single process: %d) | %.0f CPU-s (%.0f s wall) | %.0f CPU-s (%.0f s wall) | %.1f | %.1f (%.1f) | %+.1f %% |\n",
          w, n, m, cc, cw, sc, sw, m / cc, n / sc, m / pc, (sc / n) / (cc / m) * 100 - 100 }'
}

if (( NAMES > 0 )); then
  per=$(( NAMES / SEGMENTS ))
  : > "$WORK/names.tsv"
  for ((s = 0; s < SEGMENTS; s++)); do
    csv="$WORK/names-$s.csv"
    tool org.custody.spark.synthetic.Generate names "$WORK/lists.clx" $SEED $((s * per)) $(((s + 1) * per)) "$csv"
    single="- -"
    if (( s % EVERY == 0 )); then
      single=$(timed "$WORK/cli.jsonl" cli screen --json --batch "$csv")
      lines_cli=$(wc -l < "$WORK/cli.jsonl")
      [[ "$lines_cli" == "$per" ]] || { echo "segment $s: $lines_cli CLI lines, expected $per" >&2; exit 1; }
    fi
    rm -rf "$WORK/spark-names"
    sp=$(timed /dev/null spark_job screen --input "$csv" --output "$WORK/spark-names" --lists "$WORK/lists.clx" --no-parquet)
    lines_spark=$(cat "$WORK"/spark-names/jsonl/part-* | wc -l)
    [[ "$lines_spark" == "$per" ]] || { echo "segment $s: $lines_spark Spark lines, expected $per" >&2; exit 1; }
    echo "$s $per $single $sp $(cut -d' ' -f1 /proc/loadavg)" | tee -a "$WORK/names.tsv" >&2
    rm -rf "$WORK/cli.jsonl" "$WORK/spark-names" "$csv"
  done
  summarise names < "$WORK/names.tsv" > "$WORK/names.row"
fi

if (( DOCS > 0 )); then
  per=$(( DOCS / SEGMENTS ))
  : > "$WORK/docs.tsv"
  for ((s = 0; s < SEGMENTS; s++)); do
    d="$WORK/docs-$s"
    rm -rf "$d"
    tool org.custody.spark.synthetic.Generate articles $SEED $((s * per)) $(((s + 1) * per)) "$d"
    single="- -"
    (( s % EVERY == 0 )) && single=$(timed /dev/null tool org.custody.spark.synthetic.SingleProcessIngest $CORES "$WORK/plain.jsonl" "$d")
    rm -rf "$WORK/spark-docs"
    sp=$(timed /dev/null spark_job ingest --output "$WORK/spark-docs" ${CUSTODY_BENCH_INGEST_ARGS:-} "$d")
    echo "$s $per $single $sp $(cut -d' ' -f1 /proc/loadavg)" | tee -a "$WORK/docs.tsv" >&2
    rm -rf "$WORK/plain.jsonl" "$WORK/spark-docs" "$d"
  done
  summarise documents < "$WORK/docs.tsv" > "$WORK/docs.row"
fi

{
  echo "| workload | items | single process | Spark local[2] | single, per CPU-s | Spark, per CPU-s (same slices) | Spark CPU per item vs single |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  [[ -f "$WORK/names.row" && $NAMES -gt 0 ]] && cat "$WORK/names.row"
  [[ -f "$WORK/docs.row" && $DOCS -gt 0 ]] && cat "$WORK/docs.row"
  echo
  echo "Per slice (slice, items, single-process wall s and CPU s, Spark wall s and CPU s, load average after):"
  (( NAMES > 0 )) && { echo "names"; sed 's/^/    /' "$WORK/names.tsv"; }
  (( DOCS > 0 )) && { echo "documents"; sed 's/^/    /' "$WORK/docs.tsv"; }
  echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
  [[ -n "${CUSTODY_BENCH_THREADS:-}" && -f "$WORK/threads.log" ]] && { echo "CPU seconds by thread kind, per process:"; sed 's/^/    /' "$WORK/threads.log"; }
} | tee -a "$OUT"
