#!/usr/bin/env bash
# Bounded-memory list import: generates ~200 MB lists from the real bundled ones (OFAC SDN legacy CSV
# set, UN consolidated XML; src/test/java/org/custody/lists/LargeLists.java), then imports each
# with `custody lists import` in a 1 GB heap (-Xmx1g) into a fresh home: once with this checkout's
# jar, once with the jar of BASELINE_COMMIT (the import that parsed the whole list into memory first),
# in the same run. Per run: exit code, wall time, the JVM's peak RSS (VmHWM of the java process;
# the embedded PostgreSQL is a separate process), heap peaks from the GC log (largest heap in use
# before a collection, largest live heap after one). Then `custody screen` against the imported list.
# Usage: bench/list-import-memory.sh [MEGABYTES=200] [BASELINE_COMMIT=2ee39cf]
#        (results: docs/benchmarks.md, section "Bounded-memory list import")
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
# shellcheck source=../scripts/jdk.sh
source scripts/jdk.sh
custody_build_bench
mb="${1:-200}"
base="${2:-2ee39cf}"
work="${CUSTODY_BENCH_DIR:-${TMPDIR:-/tmp}/custody-list-import-bench}"
mkdir -p "$work"
cp="target/custody.jar:target/lib/*:target/test-classes"

[[ -f "$work/ofac-sdn/sdn.csv" ]] || "$JAVA_HOME/bin/java" -cp "$cp" org.custody.lists.LargeLists \
  ofac-csv data/lists/ofac-sdn "$work/ofac-sdn" "$mb"
[[ -f "$work/un-sc/consolidated.xml" ]] || "$JAVA_HOME/bin/java" -cp "$cp" org.custody.lists.LargeLists \
  un-xml data/lists/un-sc/consolidated.xml "$work/un-sc/consolidated.xml" "$mb"
du -sm "$work/ofac-sdn" "$work/un-sc"

if [[ ! -f "$work/baseline/target/custody.jar" ]]; then
  rm -rf "$work/baseline" && mkdir -p "$work/baseline"
  git archive "$base" | tar -x -C "$work/baseline"
  (cd "$work/baseline" && mvn $CUSTODY_MVN_FLAGS -q -o -DskipTests package >&2)
fi

# run LABEL JAR HEAP -- custody arguments...
run() {
  local label="$1" jar="$2" heap="$3"; shift 4
  local home="${RUN_HOME:-}"; [[ -n "$home" ]] || home="$(mktemp -d "$work/home.XXXXXX")"
  local gclog="$home/gc.log" out="$home/out.txt"
  local start; start=$(date +%s.%N)
  CUSTODY_HOME="$home" "$JAVA_HOME/bin/java" "$heap" -Xlog:gc:file="$gclog" -jar "$jar" "$@" >"$out" 2>&1 &
  local pid=$! hwm=0 v
  while kill -0 "$pid" 2>/dev/null; do
    v=$(awk '/^VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
    [[ -n "$v" ]] && hwm=$v
    sleep 0.5
  done
  local rc=0; wait "$pid" || rc=$?
  local end; end=$(date +%s.%N)
  local heaps; heaps=$(grep -oE '[0-9]+M->[0-9]+M\([0-9]+M\)' "$gclog" | awk -F'[M>(-]+' \
    '{ if ($1 > b) b = $1; if ($2 > a) a = $2 } END { printf "%d MB before GC, %d MB live after GC", b, a }')
  printf '%-34s exit %d  %6.1f s  peak RSS %5d MB  heap: %s\n' "$label" "$rc" "$(echo "$end - $start" | bc)" \
    $((hwm / 1024)) "$heaps"
  grep -E 'is now current|refused|OutOfMemory|Exception' "$out" | head -3 | sed 's/^/    /' || true
  echo "$home" >"$work/last-home"
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB; load: $(cut -d' ' -f1-3 /proc/loadavg)"
for list in "$work/ofac-sdn" "$work/un-sc/consolidated.xml"; do
  name=$(basename "$list")
  run "baseline $name -Xmx1g" "$work/baseline/target/custody.jar" -Xmx1g -- lists import "$list"
  rm -rf "$(cat "$work/last-home")"
  run "streaming $name -Xmx1g" target/custody.jar -Xmx1g -- lists import "$list"
  home=$(cat "$work/last-home")
  # screening against the imported list, as the launcher starts it before the index is cached (no heap cap)
  RUN_HOME="$home" run "  screen after it" target/custody.jar -XX:+UseG1GC -- screen "Osama bin Laden"
  sed -n 1,3p "$(cat "$work/last-home")/out.txt" | sed 's/^/    /'
  rm -rf "$home"
done
