#!/usr/bin/env bash
# Ledger benchmark on the embedded PostgreSQL: import of 1,000,000 serial numbers (ledger CSV format, COPY)
# against row-by-row and batched JDBC inserts (sampled, extrapolated), then the custody-chain lookup of
# random serials (p50/p99) against a naive on-the-fly-normalising query, all in one run.
# Usage: bench/ledger.sh [serials] [lookups]   (results: docs/benchmarks.md, section "Ledger")
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
# shellcheck source=../scripts/jdk.sh
source scripts/jdk.sh
custody_build_bench
exec "$JAVA_HOME/bin/java" -Xmx2g -cp "target/classes:target/lib/*" org.custody.bench.LedgerBench "$@"
