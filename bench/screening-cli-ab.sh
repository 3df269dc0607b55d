#!/usr/bin/env bash
# Cold one-name `custody screen` of two builds, alternating in one run so both see the same load:
# OLD_TREE's launcher and jar (a checkout of another commit, built) against this checkout's. Each build has
# a home of its own (its cached index and class-data archives are keyed by its code); the bundled lists
# are imported into a new home first. Prints the median wall and CPU (user+sys, every thread) of each, and
# of `custody --version` (JVM start and command line only) of each.
# Usage: bench/screening-cli-ab.sh OLD_TREE [RUNS=9] [NAME="Kataib Hezbollah"].
# Env: CUSTODY_BENCH_HOME_OLD, CUSTODY_BENCH_HOME_NEW (homes to reuse; default new temporary homes).
set -euo pipefail
cd "$(dirname "$0")/.."
OLD="$(cd "${1:?usage: bench/screening-cli-ab.sh OLD_TREE [RUNS] [NAME]}" && pwd)"
RUNS="${2:-9}"
NAME="${3:-Kataib Hezbollah}"
NEW="$(pwd)"
unset CUSTODY_DB_URL
HOME_OLD="${CUSTODY_BENCH_HOME_OLD:-$(mktemp -d /tmp/custody-ab-old.XXXXXX)}"
HOME_NEW="${CUSTODY_BENCH_HOME_NEW:-$(mktemp -d /tmp/custody-ab-new.XXXXXX)}"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
mkdir -p bench/results
OUT="bench/results/screening-cli-ab-$(date -u +%Y%m%dT%H%M%SZ).md"
say() { echo "$*" | tee -a "$OUT"; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
# timed LABEL TREE HOME ARGS...: appends "wall cpu" to $TMP/LABEL; standard output to $TMP/LABEL.out
timed() {
  local label="$1" tree="$2" home="$3"; shift 3
  CUSTODY_HOME="$home" /usr/bin/time -f "%e %U %S" -o "$TMP/t" "$tree/custody" "$@" > "$TMP/$label.out" 2> "$TMP/err" \
    || { cat "$TMP/err" >&2; exit 1; }
  awk '{printf "%s %.2f\n", $1, $2 + $3}' "$TMP/t" >> "$TMP/$label"
}
for side in OLD NEW; do
  tree=${!side}; home=HOME_$side; home=${!home}
  CUSTODY_HOME="$home" "$tree/custody" --version > /dev/null     # builds the jar when needed
  if ! CUSTODY_HOME="$home" "$tree/custody" lists show 2>/dev/null | grep -q "ofac-sdn"; then
    CUSTODY_HOME="$home" "$tree/custody" lists import --bundled > /dev/null
  fi
  # a launcher that keeps its class-data archive beside the jar (older builds) lets a screen write it
  rm -f "$tree/target/custody.jsa"
  for i in 1 2; do CUSTODY_HOME="$home" "$tree/custody" screen "warm up" > /dev/null 2>&1; done   # index cache, archives
done
say "## Cold one-name screen, two builds alternating ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
say ""
say "old: $OLD ($(git -C "$OLD" rev-parse --short HEAD 2>/dev/null || echo "not a git checkout")), new: $NEW ($(git rev-parse --short HEAD)); \`custody screen \"$NAME\"\`, $RUNS runs each"
: > "$TMP/old"; : > "$TMP/new"; : > "$TMP/old-floor"; : > "$TMP/new-floor"
for ((i = 0; i < RUNS; i++)); do
  if (( i % 2 == 0 )); then order="old new"; else order="new old"; fi
  for k in $order; do
    if [[ $k == old ]]; then tree=$OLD home=$HOME_OLD; else tree=$NEW home=$HOME_NEW; fi
    timed "$k" "$tree" "$home" screen "$NAME"
    timed "$k-floor" "$tree" "$home" --version
  done
done
if ! cmp -s "$TMP/old.out" "$TMP/new.out"; then say "**the two builds' answers differ**"; diff "$TMP/old.out" "$TMP/new.out" | head -20 >&2; fi
say ""
say "| build | median wall s | median CPU s (all threads) | runs (wall) | \`--version\` median wall s, CPU s |"
say "|---|---|---|---|---|"
for k in old new; do
  say "| $k | $(cut -d' ' -f1 "$TMP/$k" | median) | $(cut -d' ' -f2 "$TMP/$k" | median) | $(cut -d' ' -f1 "$TMP/$k" | tr '\n' ' ')| $(cut -d' ' -f1 "$TMP/$k-floor" | median), $(cut -d' ' -f2 "$TMP/$k-floor" | median) |"
done
say "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "results in $OUT" >&2
