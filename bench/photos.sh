#!/usr/bin/env bash
# Photo evidence: re-post recognition on Debian's wallpaper photographs (dev and held-out parts), lookup of one
# image against 1,000,000 stored hashes (multi-index vs linear scan, same run), and image intake throughput.
# Usage: bench/photos.sh [repost|lookup|intake|all] [split: dev|held-out|held-out-2|both]
# (held-out-2: the held-out pictures with copies whose parameters are drawn at random, made after the method froze)
# The pictures are not part of the repository: this script installs Debian's wallpaper packages when missing.
# (results: docs/benchmarks.md, section "Photo evidence")
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
if [ ! -d /usr/share/wallpapers/Path ] || [ ! -d /usr/share/backgrounds/mate/nature ]; then
  echo "installing the wallpaper packages the test set is made from" >&2
  ${SUDO:-$( [ "$(id -u)" = 0 ] || echo sudo )} apt-get install -y gnome-backgrounds desktop-base mate-backgrounds \
    plasma-workspace-wallpapers ukui-wallpapers lomiri-wallpapers sway-backgrounds >&2
fi
# shellcheck source=../scripts/jdk.sh
source scripts/jdk.sh
custody_build_bench
run() { "$JAVA_HOME/bin/java" -Xmx2g -cp "target/custody.jar:target/lib/*" org.custody.bench.PhotoBench "$@"; }
what="${1:-all}"
split="${2:-both}"
case "$what" in
  repost) run repost "$split" ;;
  lookup) run lookup 1000000 5000 ;;
  intake) run intake 60 ;;
  all) run repost "$split"; run lookup 1000000 5000; run intake 60 ;;
  *) echo "usage: bench/photos.sh [repost|lookup|intake|all] [dev|held-out|held-out-2|both]" >&2; exit 2 ;;
esac
