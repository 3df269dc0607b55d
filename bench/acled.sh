#!/usr/bin/env bash
# Extraction quality on ACLED Iraq/Syria event notes against ACLED's coded place, actors and date.
# Usage: bench/acled.sh [dev|held-out|both]   (results: docs/benchmarks.md, section "Evidence")
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
# shellcheck source=../scripts/jdk.sh
source scripts/jdk.sh
custody_build_bench
shared="${CUSTODY_SHARED_DATA:-$here/../shared/data}"
exec "$JAVA_HOME/bin/java" -Xmx2g -cp "target/custody.jar:target/lib/*" org.custody.bench.AcledBench "$shared" "${1:-dev}" "${@:2}"
