#!/usr/bin/env bash
# Evidence benchmarks: extraction throughput (one thread, no storage) against a tokenise-only baseline,
# extraction quality (precision/recall per mention type and for claims) on the annotated corpus and the
# three fresh sets, and actor-linking precision/recall. ACLED: bench/acled.sh.
# Usage: bench/evidence.sh [seconds-per-measurement]   (results: docs/benchmarks.md, section "Evidence")
#        bench/evidence.sh digest [DUMP_FILE]   SHA-256 of the extractor's whole output (annotated sets, benchmark
#        documents, ACLED notes): a hot-path change must leave it identical; DUMP_FILE keeps the text to diff
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
# shellcheck source=../scripts/jdk.sh
source scripts/jdk.sh
custody_build_bench
shared="${CUSTODY_SHARED_DATA:-$here/../shared/data}"
corpus="$(dirname "$shared")/corpus"
if [ "${1:-}" = digest ]; then
  exec "$JAVA_HOME/bin/java" -Xmx2g -cp "target/custody.jar:target/lib/*" org.custody.bench.EvidenceDigest "$shared" "$corpus" "${@:2}"
fi
"$JAVA_HOME/bin/java" -Xmx2g -cp "target/custody.jar:target/lib/*" org.custody.bench.EvidenceQuality "$shared" "$corpus"
# the fresh set, written after the extractor was frozen
"$JAVA_HOME/bin/java" -Xmx2g -cp "target/custody.jar:target/lib/*" org.custody.bench.EvidenceQuality "$shared" "$corpus" \
  data/annotations/evidence-fresh.tsv
# the second fresh set, written after the extractor was frozen at 18e09ee and measured once (still unseen)
"$JAVA_HOME/bin/java" -Xmx2g -cp "target/custody.jar:target/lib/*" org.custody.bench.EvidenceQuality "$shared" "$corpus" \
  data/annotations/evidence-fresh2.tsv
# the third fresh set, written after the extractor was frozen at 1a00eb6 and measured once (still unseen)
"$JAVA_HOME/bin/java" -Xmx2g -cp "target/custody.jar:target/lib/*" org.custody.bench.EvidenceQuality "$shared" "$corpus" \
  data/annotations/evidence-fresh3.tsv
# actor linking with the real OFAC SDN list: development and held-out labelled sets
for set in bench/linking/dev.tsv bench/linking/held-out.tsv; do
  "$JAVA_HOME/bin/java" -Xmx2g -cp "target/custody.jar:target/lib/*" org.custody.bench.LinkingBench "$shared" "$set"
done
exec "$JAVA_HOME/bin/java" -Xmx2g -XX:ActiveProcessorCount=1 -cp "target/custody.jar:target/lib/*" \
  org.custody.bench.EvidenceBench "$shared" "$corpus" "${1:-10}"
