#!/usr/bin/env bash
# Oversight-report benchmark on the embedded PostgreSQL: a quarter's record with 1,000,000 serials and 10,000
# diversion cases, `custody report quarterly` in every format (PDF, HTML, CSV, XLSX), cold and warm, against
# streaming the same rows with no work in the same run.
# Usage: bench/report.sh [serials] [cases] [runs]   (results: docs/benchmarks.md, section "Reports")
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
# shellcheck source=../scripts/jdk.sh
source scripts/jdk.sh
custody_build_bench
exec "$JAVA_HOME/bin/java" -Xmx2g -Djava.awt.headless=true -cp "target/classes:target/lib/*" org.custody.bench.ReportBench "$@"
