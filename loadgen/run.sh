#!/usr/bin/env bash
# Runs the HumanChat load generator: finds a JDK >= 21, builds the module if it is missing or stale, then starts
# it on the copied dependency class path. All arguments go to the generator (see README.md or --help).
#   LOADGEN_JAVA_OPTS  extra JVM options (default: -Xms1g -XX:+UseG1GC -XX:MaxGCPauseMillis=10)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
jar="$here/target/loadgen-0.1.0-SNAPSHOT.jar"

java_major() {
  # "17.0.15", "21", "1.8.0_392" -> 17, 21, 8
  "$1" -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); print (v[1] == "1") ? v[2] : v[1]; exit }'
}

find_java_home() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]] && (( $(java_major "$JAVA_HOME/bin/java") >= 21 )); then
    echo "$JAVA_HOME"
    return
  fi
  local best="" best_major=0 candidate major
  for candidate in /usr/lib/jvm/*; do
    [[ -x "$candidate/bin/java" && -x "$candidate/bin/javac" ]] || continue
    major="$(java_major "$candidate/bin/java")"
    if [[ "$major" =~ ^[0-9]+$ ]] && (( major >= 21 && major > best_major )); then
      best="$candidate"
      best_major="$major"
    fi
  done
  if [[ -z "$best" ]] && command -v java >/dev/null; then
    candidate="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
    if (( $(java_major "$candidate/bin/java") >= 21 )); then best="$candidate"; fi
  fi
  [[ -n "$best" ]] || { echo "run.sh: no JDK >= 21 found (set JAVA_HOME)" >&2; exit 1; }
  echo "$best"
}

JAVA_HOME="$(find_java_home)"
export JAVA_HOME
jvm_flags=()
if (( $(java_major "$JAVA_HOME/bin/java") >= 24 )); then
  # Netty (and Maven's Guava) use sun.misc.Unsafe; JDK 24+ warns about it on every start.
  jvm_flags=(--sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED)
  export MAVEN_OPTS="${MAVEN_OPTS:-} ${jvm_flags[*]}"
fi

stale() {
  [[ ! -f "$jar" || ! -d "$here/target/lib" ]] && return 0
  [[ -n "$(find "$here/src/main" "$here/pom.xml" "$root/pom.xml" -newer "$jar" -type f -print -quit 2>/dev/null)" ]]
}

if stale; then
  echo "run.sh: building loadgen with $JAVA_HOME" >&2
  # The reactor build is the normal way; the module's own POM is the fallback while a sibling module is absent
  # or broken (loadgen depends on no other module).
  if ! (cd "$root" && mvn -B -q -pl loadgen -am package -DskipTests); then
    echo "run.sh: reactor build failed; building loadgen/pom.xml on its own" >&2
    (cd "$root" && mvn -B -q -f "$here/pom.xml" package -DskipTests)
  fi
fi

# Every socket is a file descriptor: take the hard limit (idle mode opens tens of thousands).
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

# shellcheck disable=SC2086 # LOADGEN_JAVA_OPTS is a list of options
exec "$JAVA_HOME/bin/java" "${jvm_flags[@]}" ${LOADGEN_JAVA_OPTS:--Xms1g -XX:+UseG1GC -XX:MaxGCPauseMillis=10} \
  -cp "$jar:$here/target/lib/*" com.humanchat.loadgen.LoadGenerator "$@"
