#!/usr/bin/env bash
# Load on `custody serve`: wrk on loopback against the yente-compatible match endpoint (POST /match/default,
# one Person/Organization query per request, authenticated with an API token), and the plain baseline
# GET /healthz in the same run, alternating. The queries are QUERIES distinct noisy names made from the real SDN
# names (a quarter as written, the others with one letter dropped, two letters swapped or the words reversed),
# rotated by the wrk script; 20,000 by default, so a round of 20 s repeats few of them.
# The server is warmed up first (WARMUP seconds of match requests, default 30), as a server in production is.
# Usage: bench/server.sh [ROUNDS=3] [SECONDS=20] [CONNECTIONS=32] [QUERIES=20000]. Env: CUSTODY_BENCH_HOME
# (reused between runs; default a new temporary home with the bundled lists imported), PORT (default 18080),
# WARMUP (seconds), SERVER_JAVA_OPTS (JVM options of the server only, e.g. -XX:+UseParallelGC),
# SERVER_ARGS (more `custody serve` options, e.g. --threads 16).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=../scripts/jdk.sh
source scripts/jdk.sh
custody_find_jdk
ROUNDS="${1:-3}"
DURATION="${2:-20}"
CONNS="${3:-32}"
QUERIES="${4:-20000}"
WARMUP="${WARMUP:-30}"
PORT="${PORT:-18080}"
export CUSTODY_HOME="${CUSTODY_BENCH_HOME:-$(mktemp -d /tmp/custody-bench-server.XXXXXX)}"
unset CUSTODY_DB_URL
command -v wrk > /dev/null || { echo "bench/server.sh needs wrk (apt-get install wrk)" >&2; exit 2; }
mkdir -p bench/results
OUT="bench/results/server-$(date -u +%Y%m%dT%H%M%SZ).md"
TMP="$(mktemp -d)"
SERVER_PID=""
cleanup() {
  if [[ -n "$SERVER_PID" ]]; then kill "$SERVER_PID" 2> /dev/null || true; wait "$SERVER_PID" 2> /dev/null || true; fi
  rm -rf "$TMP"
}
trap 'rc=$?; cleanup; exit $rc' EXIT
say() { echo "$*" | tee -a "$OUT"; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

./custody --version > /dev/null   # builds the jar when needed
if ! ./custody lists show 2> /dev/null | grep -q "ofac-sdn"; then ./custody lists import --bundled > /dev/null; fi
if ! ./custody users list | grep -q "^bench "; then ./custody users add bench --role analyst > /dev/null; fi
TOKEN=$(./custody users token bench --name "bench-$(date +%s%N)" 2> /dev/null)
[[ "$TOKEN" == cust_* ]] || { echo "could not create an API token" >&2; exit 1; }

# request bodies: one yente match query each, schema by the SDN entry's type
DATA="data/lists/ofac-sdn/sdn.csv"
awk -v n="$QUERIES" '{ i = index($0, ",\""); if (i == 0) next; rest = substr($0, i + 2); j = index(rest, "\","); if (j < 2) next
    after = substr(rest, j + 2); names[c + 0] = substr(rest, 1, j - 1)
    kind[c++ + 0] = after ~ /^"individual"/ ? "Person" : after ~ /^"vessel"/ ? "Vessel" : after ~ /^"aircraft"/ ? "Airplane" : "Organization" }
  END { for (i = 0; i < n; i++) { j = (i * 7919) % c; s = names[j]; m = int(length(s) / 2); k = i % 4
          if (k == 1 && length(s) > 5) s = substr(s, 1, m) substr(s, m + 2)
          else if (k == 2 && length(s) > 5) s = substr(s, 1, m - 1) substr(s, m + 1, 1) substr(s, m, 1) substr(s, m + 2)
          else if (k == 3) { w = split(s, t, " "); s = t[w]; for (x = w - 1; x >= 1; x--) s = s " " t[x] }
          gsub(/\\/, "", s); gsub(/"/, "", s)
          printf "{\"queries\":{\"q\":{\"schema\":\"%s\",\"properties\":{\"name\":[\"%s\"]}}}}\n", kind[j], s } }' "$DATA" > "$TMP/bodies.txt"
DISTINCT=$(sort -u "$TMP/bodies.txt" | wc -l)
cat > "$TMP/match.lua" <<LUA
local bodies = {}
for line in io.lines("$TMP/bodies.txt") do bodies[#bodies + 1] = line end
local i = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $TOKEN"
request = function()
  i = i % #bodies + 1
  return wrk.format(nil, "/match/default?limit=5", nil, bodies[i])
end
response = function(status, headers, body)
  if status ~= 200 then print("unexpected status " .. status .. ": " .. body); os.exit(1) end
end
LUA

# shellcheck disable=SC2086
CUSTODY_JAVA_OPTS="${SERVER_JAVA_OPTS:-}" ./custody serve --port "$PORT" ${SERVER_ARGS:-} > "$TMP/serve.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 240); do
  curl -sf "http://127.0.0.1:$PORT/healthz" > /dev/null 2>&1 && break
  kill -0 "$SERVER_PID" 2> /dev/null || { cat "$TMP/serve.log" >&2; exit 1; }
  sleep 0.5
done
curl -sf "http://127.0.0.1:$PORT/healthz" > /dev/null || { echo "the server did not start" >&2; cat "$TMP/serve.log" >&2; exit 1; }
# one request by hand: the endpoint answers with results
curl -sf -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" \
  -d '{"queries":{"q":{"schema":"Organization","properties":{"name":["Kataib Hezbollah"]}}}}' \
  "http://127.0.0.1:$PORT/match/default" | grep -q '"match":true' || { echo "match endpoint gave no match" >&2; exit 1; }

# wrk --latency: prints Requests/sec and the latency distribution (50/75/90/99 %)
run() { # label, extra wrk args...
  local label="$1"; shift
  wrk -t2 -c"$CONNS" -d"${DURATION}s" --latency "$@" > "$TMP/wrk.txt" 2>&1 || { cat "$TMP/wrk.txt" >&2; exit 1; }
  local rps p50 p99 errors
  rps=$(awk '/^Requests\/sec/ {print $2}' "$TMP/wrk.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$TMP/wrk.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$TMP/wrk.txt")
  errors=$(awk '/Non-2xx|Socket errors/ {printf "%s ", $0}' "$TMP/wrk.txt")
  echo "$label $rps $p50 $p99" >> "$TMP/runs.txt"
  say "| $label | $rps | $p50 | $p99 | ${errors:-none} | $(cut -d' ' -f1-3 /proc/loadavg) |"
}
to_ms() { awk '{v=$1; if (v ~ /us$/) {sub(/us$/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v*=1000}; printf "%.2f\n", v}'; }

say "## Server load ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average $(cut -d' ' -f1-3 /proc/loadavg))"
say ""
say "wrk -t2 -c$CONNS -d${DURATION}s --latency on loopback; $QUERIES match bodies ($DISTINCT distinct) rotated; $ROUNDS rounds alternating after ${WARMUP} s of warm-up; server and wrk share the 2 cores; server options: ${SERVER_JAVA_OPTS:-none} ${SERVER_ARGS:-}."
say ""
say "| run | requests/s | p50 | p99 | errors | load average |"
say "|---|---|---|---|---|---|"
# warm-up: JIT and the screening engine's term cache, not counted
wrk -t2 -c"$CONNS" -d"${WARMUP}s" -s "$TMP/match.lua" "http://127.0.0.1:$PORT/match/default" > /dev/null 2>&1
wrk -t2 -c"$CONNS" -d5s "http://127.0.0.1:$PORT/healthz" > /dev/null 2>&1
: > "$TMP/runs.txt"
for ((r = 1; r <= ROUNDS; r++)); do
  run "baseline-healthz" "http://127.0.0.1:$PORT/healthz"
  run "match" -s "$TMP/match.lua" "http://127.0.0.1:$PORT/match/default"
done
say ""
say "| endpoint | median requests/s | median p99 ms |"
say "|---|---|---|"
for k in baseline-healthz match; do
  say "| $k | $(awk -v k="$k" '$1 == k {print $2}' "$TMP/runs.txt" | median) | $(awk -v k="$k" '$1 == k {print $4}' "$TMP/runs.txt" | to_ms | median) |"
done
echo "results in $OUT" >&2
