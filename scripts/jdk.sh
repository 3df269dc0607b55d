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

# custody_class_archive DIR JAR NAME: sets the array CUSTODY_ARCHIVE_FLAGS to the JVM options that keep a
# class-data archive of one kind of run (NAME) of JAR in DIR: the classes that run loads, parsed and verified
# once, mapped on every later start. The JVM writes the archive at the end of the first run and checks it on
# every start (another JDK's, another jar's or a damaged archive is not used); the file's name
# also carries a key of this JDK and this jar (path, size, modification time), so an archive of an older build
# or of another JDK is never even offered, and is removed here. Nothing is set when DIR cannot be written.
custody_class_archive() {
  local dir="$1" jar="$2" name="$3" key file old v
  CUSTODY_ARCHIVE_FLAGS=()
  mkdir -p -m 700 "$dir" 2>/dev/null && [[ -w "$dir" ]] || return 0
  key=$({ echo "$JAVA_HOME"; cat "$JAVA_HOME/release" 2>/dev/null; stat -L -c '%n %s %Y' "$jar"; } | cksum | cut -d' ' -f1)
  file="$dir/$name-$key.jsa"
  for old in "$dir/$name"-*.jsa; do
    [[ -e "$old" && "$old" != "$file" ]] && rm -f "$old"
  done
  # the JVM rewrites an archive it cannot use, except one that does not even start as a dynamic archive
  # (0xf00baba8, in this machine's byte order): such a file is removed, to be written again
  if [[ -e "$file" && "$(od -An -tx4 -N4 "$file" 2>/dev/null | tr -d ' ')" != f00baba8 ]]; then rm -f "$file"; fi
  CUSTODY_ARCHIVE_FLAGS=(-XX:SharedArchiveFile="$file" -XX:+AutoCreateSharedArchive -Xlog:cds*=off)
  # JDK 25 names some of the same messages "aot" (an unused archive would be a warning on standard output)
  v=$(custody_java_version "$JAVA_HOME")
  if [[ -n "$v" && "$v" -ge 25 ]]; then CUSTODY_ARCHIVE_FLAGS+=(-Xlog:aot*=off); fi
}
