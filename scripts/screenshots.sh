#!/usr/bin/env bash
# Saves screenshots of the main web pages (dashboard, screening, unit, document, case with map and timeline,
# vetting request, map) to docs/screenshots/*.png: runs the browser test (Debian's chromium, headless) on the
# bundled lists and the demo material with its screenshot mode on. Not part of every test run.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
# shellcheck source=scripts/jdk.sh
source scripts/jdk.sh
custody_find_jdk
custody_find_maven
mvn -B -q test -Dtest=WebBrowserTest -Dsurefire.failIfNoSpecifiedTests=false -Dcustody.screenshots="$here/docs/screenshots"
ls -1 docs/screenshots/*.png
