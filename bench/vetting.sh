#!/usr/bin/env bash
# Vetting benchmark: a unit with 50 persons in its command history checked against the full OFAC lists on
# the embedded PostgreSQL, with brute-force Jaro-Winkler over the same names as the baseline.
# Usage: bench/vetting.sh [iterations]   (results: docs/benchmarks.md, section "Vetting")
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
# shellcheck source=../scripts/jdk.sh
source scripts/jdk.sh
custody_build_bench
shared="${CUSTODY_SHARED_DATA:-$here/../shared/data}"
exec "$JAVA_HOME/bin/java" -Xmx2g -cp "target/custody.jar:target/lib/*" org.custody.bench.VettingBench "$shared" "${1:-50}"
