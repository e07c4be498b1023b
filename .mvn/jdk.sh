# Finds a JDK 21 or newer for Ordino's build and launcher. Sourced by ../mvnw and .mvn/java (POSIX sh).
# Keeps JAVA_HOME when it already points at 21+; otherwise looks in the usual install folders,
# takes the newest, and exports it. Says plainly what is missing when there is none.

ordino_java_major() {
  # prints the major version of the java binary $1, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

ordino_find_jdk() {
  ordino_min=21
  if [ -n "${JAVA_HOME-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    v="$(ordino_java_major "$JAVA_HOME/bin/java")"
    if [ -n "$v" ] && [ "$v" -ge "$ordino_min" ]; then
      return 0
    fi
  fi
  if [ -z "${JAVA_HOME-}" ] && command -v javac >/dev/null 2>&1; then
    j="$(command -v java)"
    v="$(ordino_java_major "$j")"
    if [ -n "$v" ] && [ "$v" -ge "$ordino_min" ]; then
      return 0
    fi
  fi
  best=""
  best_v=0
  ordino_restore_f=0
  case $- in *f*) ordino_restore_f=1; set +f ;; esac
  # ORDINO_JDK_SEARCH replaces the folders searched (space-separated globs), e.g. for tests.
  for d in ${ORDINO_JDK_SEARCH:-/usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* /usr/local/jdk* ${HOME-}/.sdkman/candidates/java/* ${HOME-}/.jdks/*}; do
    [ -x "$d/bin/java" ] && [ -x "$d/bin/javac" ] || continue
    v="$(ordino_java_major "$d/bin/java")"
    [ -n "$v" ] || continue
    if [ "$v" -ge "$ordino_min" ] && [ "$v" -gt "$best_v" ]; then
      best="$d"
      best_v="$v"
    fi
  done
  [ "$ordino_restore_f" = 1 ] && set -f
  if [ -z "$best" ]; then
    echo "Ordino needs a JDK $ordino_min or newer, and none was found." >&2
    echo "  JAVA_HOME: ${JAVA_HOME:-unset}; java on PATH: $(command -v java || echo none)" >&2
    echo "  Looked in /usr/lib/jvm, /usr/java, /opt/java, /opt/jdk*, ~/.sdkman, ~/.jdks." >&2
    echo "  Install one (e.g. Debian: apt-get install openjdk-21-jdk-headless) or set JAVA_HOME to it." >&2
    return 1
  fi
  JAVA_HOME="$(cd "$best" && pwd -P)"
  export JAVA_HOME
}

ordino_find_jdk || exit 1
