#!/usr/bin/env bash
# Whole-process screening through ./custody, each part against a plain baseline in the same run:
#  cold   RUNS alternating one-name `custody screen` runs: baseline = CUSTODY_SCREENING_CACHE=off and
#         CUSTODY_CDS=off (start the embedded PostgreSQL, load the lists, analyse and index every name:
#         what every run did before the index was cached), then the default (cached index, class-data
#         archive, no PostgreSQL). Median wall and median CPU (user+sys, all threads) of each.
#  batch  BATCH generated names (real SDN names: a quarter as written, the others with one letter
#         dropped, two letters swapped or the words reversed) screened with --json: wall, names/s, peak
#         RSS, output size, also on the first 20,000 names; with BASELINE_JAR (a jar of an older build, run
#         on the same home) the same for it on the 20,000.
# Usage: bench/screening-cli.sh [RUNS=9] [BATCH=200000]. Env: CUSTODY_BENCH_HOME (reused between runs;
# default a new temporary home, the bundled lists are imported into it first), BASELINE_JAR.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=../scripts/jdk.sh
source scripts/jdk.sh
custody_find_jdk
RUNS="${1:-9}"
BATCH="${2:-200000}"
export CUSTODY_HOME="${CUSTODY_BENCH_HOME:-$(mktemp -d /tmp/custody-bench-cli.XXXXXX)}"
unset CUSTODY_DB_URL
mkdir -p bench/results
OUT="bench/results/screening-cli-$(date -u +%Y%m%dT%H%M%SZ).md"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
say() { echo "$*" | tee -a "$OUT"; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
# one timed run: prints "wall cpu rss_kb"
timed() { /usr/bin/time -f "%e %U %S %M" -o "$TMP/t" "$@" > "$TMP/out" 2> "$TMP/err" || { cat "$TMP/err" >&2; exit 1; }
          awk '{printf "%s %.2f %s\n", $1, $2 + $3, $4}' "$TMP/t"; }

./custody --version > /dev/null   # builds the jar when needed
if ! ./custody lists show 2>/dev/null | grep -q "ofac-sdn"; then ./custody lists import --bundled > /dev/null; fi
rm -f "$CUSTODY_HOME"/cache/jvm/screen-*.jsa   # a one-name screen's class-data archive: let this build's screen write it
./custody screen "warm up" > /dev/null 2>&1   # writes the index cache and the class-data archive once

say "## Whole-process screening ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
say ""
say "### Cold one-name screen: \`custody screen \"Kataib Hezbollah\"\`, $RUNS runs each, alternating"
: > "$TMP/base"; : > "$TMP/new"; : > "$TMP/floor"
for ((i = 0; i < RUNS; i++)); do
  CUSTODY_SCREENING_CACHE=off CUSTODY_CDS=off timed ./custody screen "Kataib Hezbollah" >> "$TMP/base"
  timed ./custody screen "Kataib Hezbollah" >> "$TMP/new"
  timed ./custody --version >> "$TMP/floor"
done
say ""
say "| run | median wall s | median CPU s (all threads) | runs (wall) |"
say "|---|---|---|---|"
for k in base new floor; do
  label=$([[ $k == base ]] && echo "baseline: no cache, no class-data archive (PostgreSQL start, lists load, index build)" ||
          ([[ $k == new ]] && echo "**default: cached index, class-data archive, no PostgreSQL**" || echo "floor: \`custody --version\` (JVM + command line only)"))
  say "| $label | $(cut -d' ' -f1 "$TMP/$k" | median) | $(cut -d' ' -f2 "$TMP/$k" | median) | $(cut -d' ' -f1 "$TMP/$k" | tr '\n' ' ') |"
done
say "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

say ""
say "### Batch: $BATCH names, \`custody screen --json --batch names.txt\`"
DATA="${CUSTODY_SHARED_DATA:-../shared/data}/ofac-sdn/sdn.csv"
[[ -f "$DATA" ]] || DATA="data/lists/ofac-sdn/sdn.csv"
awk -F'","' -v n="$BATCH" 'NF > 2 && $2 != "" { names[c++] = $2 }
  END { for (i = 0; i < n; i++) { s = names[(i * 7919) % c]; m = int(length(s) / 2); k = i % 4
          if (k == 1 && length(s) > 5) s = substr(s, 1, m) substr(s, m + 2)
          else if (k == 2 && length(s) > 5) s = substr(s, 1, m - 1) substr(s, m + 1, 1) substr(s, m, 1) substr(s, m + 2)
          else if (k == 3) { w = split(s, t, " "); s = t[w]; for (j = w - 1; j >= 1; j--) s = s " " t[j] }
          print s } }' "$DATA" > "$TMP/names.txt"
say ""
say "| build | names | wall s | names/s (whole process) | peak RSS MB | output MB |"
say "|---|---|---|---|---|---|"
batch() { # label, count, command...
  local label="$1" count="$2"; shift 2
  head -n "$count" "$TMP/names.txt" > "$TMP/batch.txt"
  read -r wall cpu rss < <(timed "$@" --json --batch "$TMP/batch.txt")
  local lines; lines=$(wc -l < "$TMP/out")
  [[ "$lines" == "$count" ]] || { echo "expected $count lines, got $lines" >&2; exit 1; }
  say "| $label | $count | $wall | $(awk -v n="$count" -v w="$wall" 'BEGIN {printf "%.0f", n / w}') | $((rss / 1024)) | $(( $(stat -c %s "$TMP/out") >> 20 )) |"
}
SMALL=$(( BATCH < 20000 ? BATCH : 20000 ))
if [[ -n "${BASELINE_JAR:-}" ]]; then   # the old build holds every result: run it on the smaller batch only
  batch "baseline: $BASELINE_JAR (results held, full JSON)" "$SMALL" "$JAVA_HOME/bin/java" -jar "$BASELINE_JAR" screen
fi
batch "**this build** (streaming, lean JSON)" "$SMALL" ./custody screen
batch "**this build** (streaming, lean JSON)" "$BATCH" ./custody screen
batch "this build with --explain (full explanations)" "$SMALL" ./custody screen --explain
say "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "results in $OUT" >&2
