# Sourced by the project's scripts: finds a JDK >= 21 and Maven, or says clearly what is missing.

custody_java_version() { # prints the feature version of the JDK at $1, or nothing
  local v
  [[ -x "$1/bin/java" && -x "$1/bin/javac" ]] || return 0
  # the JDK's release file says it without starting a JVM (a start costs a tenth of a second or more)
  v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null)
  if [[ -n "$v" ]]; then echo "$v"; return 0; fi
  v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  echo "${v%%.*}"
}

custody_find_jdk() { # sets JAVA_HOME to a JDK >= 21 or exits with a message
  local candidates=() c v
  [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME")
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  for c in /usr/lib/jvm/* /opt/java/* /opt/*jdk* "$HOME"/.sdkman/candidates/java/*; do
    [[ -d "$c" ]] && candidates+=("$c")
  done
  for c in "${candidates[@]}"; do
    v=$(custody_java_version "$c")
    if [[ -n "$v" && "$v" -ge 21 ]]; then
      export JAVA_HOME="$c"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  echo "custody: needs a JDK 21 or newer (java and javac); none found in JAVA_HOME, on PATH or under /usr/lib/jvm." >&2
  echo "custody: install one (for example Eclipse Temurin 21 or 25) and set JAVA_HOME to it." >&2
  exit 3
}

custody_find_maven() {
  if ! command -v mvn >/dev/null 2>&1; then
    echo "custody: needs Apache Maven (mvn) to build; install it (Debian: apt-get install maven)." >&2
    exit 3
  fi
}

custody_quiet_maven() { # MAVEN_OPTS for a Maven run whose own JVM stays silent; run mvn with $CUSTODY_MVN_FLAGS
  local v
  v=$(custody_java_version "$JAVA_HOME")
  # Maven's bundled Guava calls sun.misc.Unsafe, which JDK 24+ warns about; allowing it silences the warning
  if [[ -n "$v" && "$v" -ge 24 && "${MAVEN_OPTS:-}" != *sun-misc-unsafe-memory-access* ]]; then
    export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
  fi
  CUSTODY_MVN_FLAGS="-B -Dstyle.color=never"
}

# For the benchmarks under bench/: a JDK, Maven, and the jar with the bench profile's classes and its
# dependencies in target/lib (built offline and quietly; build once without -o on a machine new to Maven).
custody_build_bench() {
  custody_find_jdk
  custody_find_maven
  custody_quiet_maven
  mvn $CUSTODY_MVN_FLAGS -q -o -Pbench -DskipTests package >&2
}
