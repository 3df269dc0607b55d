# Sourced by the project's scripts: finds a JDK >= 21 and Maven, or says clearly what is missing.

custody_java_version() { # prints the feature version of the JDK at $1, or nothing
  custody_java_version_of "$1"
  [[ -n "$custody_jdk_version" ]] && echo "$custody_jdk_version"
  return 0
}

# Sets custody_jdk_version to the feature version of the JDK at $1 (empty when it is not a JDK). The JDK's
# release file says it without starting a JVM (a start costs a tenth of a second or more), read here with
# the shell's own commands: the launcher runs this on every start, and each program it starts costs time.
custody_java_version_of() {
  local line
  custody_jdk_version=""
  [[ -x "$1/bin/java" && -x "$1/bin/javac" ]] || return 0
  if [[ -r "$1/release" ]]; then
    while IFS= read -r line || [[ -n "$line" ]]; do
      if [[ "$line" =~ ^JAVA_VERSION=\"([0-9]+) ]]; then custody_jdk_version="${BASH_REMATCH[1]}"; return 0; fi
    done < "$1/release"
  fi
  line=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  custody_jdk_version="${line%%.*}"
}

custody_find_jdk() { # sets JAVA_HOME to a JDK >= 21 or exits with a message
  local c javac
  # JAVA_HOME first, then the javac on PATH, then the usual places; each looked at only when needed
  if [[ -n "${JAVA_HOME:-}" ]] && custody_use_jdk "$JAVA_HOME"; then return 0; fi
  if javac="$(command -v javac)"; then
    javac="$(readlink -f "$javac")"
    if custody_use_jdk "${javac%/bin/*}"; then return 0; fi
  fi
  for c in /usr/lib/jvm/* /opt/java/* /opt/*jdk* "$HOME"/.sdkman/candidates/java/*; do
    if [[ -d "$c" ]] && custody_use_jdk "$c"; then return 0; fi
  done
  echo "custody: needs a JDK 21 or newer (java and javac); none found in JAVA_HOME, on PATH or under /usr/lib/jvm." >&2
  echo "custody: install one (for example Eclipse Temurin 21 or 25) and set JAVA_HOME to it." >&2
  exit 3
}

custody_use_jdk() { # exports JAVA_HOME (and PATH) for the JDK at $1 when it is 21 or newer
  custody_java_version_of "$1"
  [[ -n "$custody_jdk_version" && "$custody_jdk_version" -ge 21 ]] || return 1
  export JAVA_HOME="$1"
  export PATH="$JAVA_HOME/bin:$PATH"
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

# custody_class_archive DIR JAR NAME: sets the array custody_archive_flags to the JVM options that keep a
# class-data archive of one kind of run (NAME) of JAR in DIR: the classes that run loads, parsed and verified
# once, mapped on every later start. The JVM writes the archive at the end of the first run and checks it on
# every start (another JDK's, another jar's or a damaged archive is not used); the file's name also carries
# this JDK's maker and version (or its folder) and this jar's size and modification time, so an archive of
# an older build or of another JDK is never even offered, and is removed here. Nothing is set when DIR
# cannot be written.
# Shell built-ins but one `stat`: the launcher runs this on every start.
custody_class_archive() {
  local dir="$1" jar="$2" name="$3" jdk="" line file old magic
  custody_archive_flags=()
  [[ -d "$dir" ]] || mkdir -p -m 700 "$dir" 2>/dev/null || return 0
  [[ -w "$dir" ]] || return 0
  if [[ -r "$JAVA_HOME/release" ]]; then
    while IFS= read -r line || [[ -n "$line" ]]; do
      if [[ "$line" =~ ^(IMPLEMENTOR|JAVA_RUNTIME_VERSION)=\"([^\"]*) ]]; then jdk+="${BASH_REMATCH[2]}-"; fi
    done < "$JAVA_HOME/release"
  fi
  [[ -n "$jdk" ]] || jdk="${JAVA_HOME//\//_}-"
  line=$(stat -L -c '%s-%Y' "$jar") || return 0
  file="$dir/$name-${jdk//[^A-Za-z0-9.+-]/_}$line.jsa"
  for old in "$dir/$name"-*.jsa; do
    if [[ -e "$old" && "$old" != "$file" ]]; then rm -f "$old"; fi
  done
  # the JVM rewrites an archive it cannot use, except one that does not even start as a dynamic archive
  # (magic 0xf00baba8 in either byte order): such a file is removed, to be written again
  if [[ -e "$file" ]]; then
    LC_ALL=C IFS= read -r -d '' -n 4 magic < "$file" || true
    if [[ "$magic" != $'\xa8\xab\x0b\xf0' && "$magic" != $'\xf0\x0b\xab\xa8' ]]; then rm -f "$file"; fi
  fi
  custody_archive_flags=(-XX:SharedArchiveFile="$file" -XX:+AutoCreateSharedArchive -Xlog:cds*=off)
  # JDK 25 names some of the same messages "aot" (an unused archive would be a warning on standard output)
  custody_java_version_of "$JAVA_HOME"
  if [[ -n "$custody_jdk_version" && "$custody_jdk_version" -ge 25 ]]; then custody_archive_flags+=(-Xlog:aot*=off); fi
}
