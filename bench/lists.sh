#!/usr/bin/env bash
# Lists benchmark: import of the bundled OFAC SDN + UN lists, then start-up of the screening index from
# PostgreSQL (loadCurrent snapshot decode + ScreeningEngine.build), against reading the per-entity JSONB
# rows and re-parsing the source files as baselines, in the same run.
# Usage: bench/lists.sh [repetitions]   (results: docs/benchmarks.md, section "Lists")
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
# shellcheck source=../scripts/jdk.sh
source scripts/jdk.sh
custody_build_bench
exec "$JAVA_HOME/bin/java" -Xmx2g -cp "target/custody.jar:target/lib/*" org.custody.bench.ListsLoadBench \
  "$here/data/lists" "${1:-5}"
