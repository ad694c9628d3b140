# Sourced by the scripts: sets JAVA_HOME to a JDK 25 or newer, or explains what to install.
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
if ! [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/javac" && "$(java_major "$JAVA_HOME")" -ge 25 ]]; then
  JAVA_HOME=""
  for d in /usr/lib/jvm/*; do
    if [[ -x "$d/bin/javac" && "$(java_major "$d")" -ge 25 ]]; then JAVA_HOME="$d"; break; fi
  done
  if [[ -z "$JAVA_HOME" ]]; then
    echo "Switchboard needs JDK 25 or newer: install one (e.g. Temurin 25) or point JAVA_HOME at it." >&2
    exit 1
  fi
fi
export JAVA_HOME
