#!/usr/bin/env bash
# The Spark jobs (custody-spark, local[2]) against the single-process CLI in the same run, on synthetic input:
# names recombined from the bundled OFAC SDN + UN lists (seeded) and synthetic articles and posts (seeded).
# Usage: bench/spark.sh [NAMES] [DOCUMENTS] [SEGMENTS]   (defaults 200000 20000 4; the issue's full scale is
#        bench/spark.sh 10000000 1000000 10, hours on a busy 2-core machine).
# Each workload is cut into SEGMENTS slices; every slice runs first through the CLI path, then through the Spark
# job, so both see the same machine load. Names: `custody screen --json --batch` against the `screen` job
# (JSON Lines out, both). Documents: the same reading + analysis + JSON line + story keys in one plain JVM with two
# threads (SingleProcessIngest; `custody ingest` also writes every document to PostgreSQL, which the job only does
# with --load) against the `ingest` job. Figures: medians over slices and totals, per core (both sides use 2 cores).
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
SEED=15
CORES=2
WORK="${CUSTODY_BENCH_WORK:-/tmp/custody-spark-bench}"
mkdir -p bench/results "$WORK"
OUT="bench/results/spark-$(date -u +%Y%m%dT%H%M%SZ).md"

# the core in the local repository, the job jar, and Spark's own jars (what a Spark installation provides)
[[ -n "${CUSTODY_BENCH_NO_INSTALL:-}" ]] || mvn -B -q -o install -DskipTests >&2
(cd custody-spark && mvn -B -q -o package -DskipTests \
   dependency:build-classpath -Dmdep.includeScope=provided -Dmdep.outputFile=target/spark.classpath \
   && mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=target/all.classpath) >&2
JOB="custody-spark/target/custody-spark-0.1.0-SNAPSHOT-job.jar"
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
now() { date +%s.%N; }

# lists: the bundled OFAC SDN + UN in a home of the benchmark's own, exported for the job
export CUSTODY_HOME="$WORK/home"
./custody lists import data/lists >&2
tool org.custody.spark.CustodySparkJobs export-lists --home "$CUSTODY_HOME" --output "$WORK/lists.clx" >&2
./custody screen "warm up the cache" >/dev/null 2>&1 || true

{
  echo "## Spark jobs against the single-process CLI ($(date -u +%Y-%m-%dT%H:%MZ))"
  echo
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo); load average at start: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "Command: bench/spark.sh $NAMES $DOCS $SEGMENTS (local[2]; the CLI on the same 2 cores)."
  echo
} | tee -a "$OUT"

median() { sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else printf "%.1f\n", (a[NR/2]+a[NR/2+1])/2}'; }

if (( NAMES > 0 )); then
  per=$(( NAMES / SEGMENTS ))
  : > "$WORK/names.tsv"
  for ((s = 0; s < SEGMENTS; s++)); do
    csv="$WORK/names-$s.csv"
    tool org.custody.spark.synthetic.Generate names "$WORK/lists.clx" $SEED $((s * per)) $(((s + 1) * per)) "$csv"
    t0=$(now); ./custody screen --json --batch "$csv" > "$WORK/cli.jsonl"; t1=$(now)
    rm -rf "$WORK/spark-names"
    t2=$(now); spark_job screen --input "$csv" --output "$WORK/spark-names" --lists "$WORK/lists.clx" --no-parquet; t3=$(now)
    lines_cli=$(wc -l < "$WORK/cli.jsonl"); lines_spark=$(cat "$WORK"/spark-names/jsonl/part-* | wc -l)
    [[ "$lines_cli" == "$per" && "$lines_spark" == "$per" ]] || { echo "segment $s: $lines_cli CLI lines, $lines_spark Spark lines, expected $per" >&2; exit 1; }
    echo "$s $per $(echo "$t1 - $t0" | bc) $(echo "$t3 - $t2" | bc) $(cut -d' ' -f1 /proc/loadavg)" | tee -a "$WORK/names.tsv" >&2
    rm -rf "$WORK/cli.jsonl" "$WORK/spark-names" "$csv"
  done
  awk -v c=$CORES '{n+=$2; a+=$3; b+=$4} END {printf "| names | %d | %.0f s | %.0f s | %.0f | %.0f | %+.1f %% |\n", n, a, b, n/a/c, n/b/c, (n/b - n/a)/(n/a)*100}' "$WORK/names.tsv" > "$WORK/names.row"
  cli_med=$(awk -v c=$CORES '{print $2/$3/c}' "$WORK/names.tsv" | median)
  spark_med=$(awk -v c=$CORES '{print $2/$4/c}' "$WORK/names.tsv" | median)
fi

if (( DOCS > 0 )); then
  per=$(( DOCS / SEGMENTS ))
  : > "$WORK/docs.tsv"
  for ((s = 0; s < SEGMENTS; s++)); do
    d="$WORK/docs-$s"
    rm -rf "$d"
    tool org.custody.spark.synthetic.Generate articles $SEED $((s * per)) $(((s + 1) * per)) "$d"
    t0=$(now); tool org.custody.spark.synthetic.SingleProcessIngest $CORES "$WORK/plain.jsonl" "$d"; t1=$(now)
    rm -rf "$WORK/spark-docs"
    t2=$(now); spark_job ingest --output "$WORK/spark-docs" "$d"; t3=$(now)
    echo "$s $per $(echo "$t1 - $t0" | bc) $(echo "$t3 - $t2" | bc) $(cut -d' ' -f1 /proc/loadavg)" | tee -a "$WORK/docs.tsv" >&2
    rm -rf "$WORK/plain.jsonl" "$WORK/spark-docs" "$d"
  done
  awk -v c=$CORES '{n+=$2; a+=$3; b+=$4} END {printf "| documents | %d | %.0f s | %.0f s | %.1f | %.1f | %+.1f %% |\n", n, a, b, n/a/c, n/b/c, (n/b - n/a)/(n/a)*100}' "$WORK/docs.tsv" > "$WORK/docs.row"
  dcli_med=$(awk -v c=$CORES '{print $2/$3/c}' "$WORK/docs.tsv" | median)
  dspark_med=$(awk -v c=$CORES '{print $2/$4/c}' "$WORK/docs.tsv" | median)
fi

{
  echo "| workload | items | single process | Spark local[2] | single, per core per s | Spark, per core per s | Spark vs single |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  [[ -f "$WORK/names.row" && $NAMES -gt 0 ]] && cat "$WORK/names.row"
  [[ -f "$WORK/docs.row" && $DOCS -gt 0 ]] && cat "$WORK/docs.row"
  echo
  (( NAMES > 0 )) && echo "Names, median over $SEGMENTS slices, per core per second: CLI $cli_med, Spark $spark_med."
  (( DOCS > 0 )) && echo "Documents, median over $SEGMENTS slices, per core per second: single process $dcli_med, Spark $dspark_med."
  echo "Per slice (slice, items, single-process s, Spark s, load average after): names"
  (( NAMES > 0 )) && sed 's/^/    /' "$WORK/names.tsv"
  echo "documents"
  (( DOCS > 0 )) && sed 's/^/    /' "$WORK/docs.tsv"
  echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
} | tee -a "$OUT"
