#!/usr/bin/env bash
# Diversion detection benchmark: 100,000 claims against a ledger of 1,000,000 serials (defaults), with a
# naive nested-loop baseline on a slice in the same run (extrapolated). Usage:
#   bench/diversion.sh [claims] [serials] [baselineSlice]    in memory, with the naive baseline
#   bench/diversion.sh --db [claims] [serials]               end to end on the embedded PostgreSQL
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
# shellcheck source=../scripts/jdk.sh
source scripts/jdk.sh
custody_build_bench
if [[ "${1:-}" == "--db" ]]; then
  shift
  exec "$JAVA_HOME/bin/java" -Xmx6g -cp "target/classes:target/lib/*" org.custody.bench.DiversionDbBench "$@"
fi
exec "$JAVA_HOME/bin/java" -Xmx6g -cp "target/classes:target/lib/*" org.custody.bench.DiversionBench "$@"
