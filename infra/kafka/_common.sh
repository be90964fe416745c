# shellcheck shell=bash
# Shared settings/helpers for infra/kafka/{start,stop,kafka-run-class}. Sourced, not executed.

KAFKA_INFRA_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

KAFKA_HOST="${KAFKA_HOST:-127.0.0.1}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_DATA_DIR="${KAFKA_DATA_DIR:-$KAFKA_INFRA_DIR/.data}"
KAFKA_HOME_DIR="${KAFKA_HOME_DIR:-$KAFKA_INFRA_DIR/.cache}"
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms128m -Xmx512m}"
KAFKA_START_TIMEOUT="${KAFKA_START_TIMEOUT:-90}"
JAVA="${JAVA:-java}"

KAFKA_BOOTSTRAP="$KAFKA_HOST:$KAFKA_PORT"
KAFKA_PID_FILE="$KAFKA_DATA_DIR/kafka.pid"
KAFKA_LOG_FILE="$KAFKA_DATA_DIR/kafka.log"
KAFKA_CONFIG_FILE="$KAFKA_DATA_DIR/server.properties"
KAFKA_LOG_DIRS="$KAFKA_DATA_DIR/kraft-combined-logs"

log() { echo "[kafka] $*" >&2; }
die() { echo "[kafka] ERROR: $*" >&2; exit 1; }

# Directory holding the runtime jars. Keyed by a hash of pom.xml so editing the pom re-fetches.
kafka_libs_dir() {
  local sum
  sum="$(sha256sum "$KAFKA_INFRA_DIR/pom.xml" | cut -c1-12)"
  echo "$KAFKA_HOME_DIR/libs-$sum"
}

# Fetch the jars from Maven Central once (no-op when the cache is complete).
ensure_libs() {
  KAFKA_LIBS="$(kafka_libs_dir)"
  if [[ -f "$KAFKA_LIBS/.complete" ]]; then return 0; fi
  command -v mvn >/dev/null 2>&1 || die "mvn not found (needed once to fetch the Kafka jars)"
  log "fetching Kafka jars into $KAFKA_LIBS (first run only) ..."
  mkdir -p "$KAFKA_HOME_DIR"
  local tmp="$KAFKA_LIBS.tmp.$$"
  rm -rf "$tmp"
  if ! mvn -q -B -Dstyle.color=never -f "$KAFKA_INFRA_DIR/pom.xml" dependency:copy-dependencies \
        -DincludeScope=runtime -DoutputDirectory="$tmp" >"$tmp.mvn.log" 2>&1; then
    cat "$tmp.mvn.log" >&2
    rm -rf "$tmp" "$tmp.mvn.log"
    die "mvn dependency:copy-dependencies failed"
  fi
  rm -f "$tmp.mvn.log"
  ls "$tmp"/kafka_2.13-*.jar >/dev/null 2>&1 || { rm -rf "$tmp"; die "kafka jar missing after mvn copy"; }
  touch "$tmp/.complete"
  rm -rf "$KAFKA_LIBS"
  mv "$tmp" "$KAFKA_LIBS"
}

# Quiet log4j2 config for CLI tools (WARN to stderr), like the distribution's tools-log4j2.yaml.
write_tools_log4j() {
  mkdir -p "$KAFKA_DATA_DIR"
  KAFKA_TOOLS_LOG4J="$KAFKA_DATA_DIR/tools-log4j2.properties"
  cat >"$KAFKA_TOOLS_LOG4J.tmp" <<'PROPS'
status = error
appender.stderr.type = Console
appender.stderr.name = STDERR
appender.stderr.target = SYSTEM_ERR
appender.stderr.layout.type = PatternLayout
appender.stderr.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = WARN
rootLogger.appenderRef.stderr.ref = STDERR
PROPS
  mv "$KAFKA_TOOLS_LOG4J.tmp" "$KAFKA_TOOLS_LOG4J"
}

# Run a main class from the Kafka classpath (tools: TopicCommand, ConsoleProducer, ...).
run_kafka_class() {
  ensure_libs
  write_tools_log4j
  "$JAVA" -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$KAFKA_TOOLS_LOG4J" \
    -cp "$KAFKA_LIBS/*" "$@"
}

# Is anything accepting TCP connections on host:port?
port_open() {
  timeout 2 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null
}

# A real Metadata request (Admin listTopics) against the broker. Returns 0 if it answers.
broker_answers() {
  local cfg="$KAFKA_DATA_DIR/admin-check.properties"
  mkdir -p "$KAFKA_DATA_DIR"
  printf '%s\n' 'request.timeout.ms=4000' 'default.api.timeout.ms=6000' \
    'socket.connection.setup.timeout.ms=1000' 'socket.connection.setup.timeout.max.ms=2000' >"$cfg"
  run_kafka_class org.apache.kafka.tools.TopicCommand --bootstrap-server "$KAFKA_BOOTSTRAP" \
    --command-config "$cfg" --list >/dev/null 2>&1
}

# PID from the pid file if that process is alive and is our broker; empty otherwise.
running_pid() {
  local pid
  [[ -f "$KAFKA_PID_FILE" ]] || return 0
  pid="$(tr -dc '0-9' <"$KAFKA_PID_FILE")"
  [[ -n "$pid" ]] || return 0
  if kill -0 "$pid" 2>/dev/null && is_our_broker "$pid"; then
    echo "$pid"
  fi
}

# Does process $1 run kafka.Kafka with this data dir's server.properties?
is_our_broker() {
  local -a argv
  { mapfile -d '' -t argv <"/proc/$1/cmdline"; } 2>/dev/null || return 1
  [[ ${#argv[@]} -ge 2 && "${argv[0]}" == *java ]] || return 1
  [[ "${argv[-2]}" == "kafka.Kafka" && "${argv[-1]}" == "$KAFKA_CONFIG_FILE" ]]
}

# Brokers running with this data dir's config (fallback when the pid file is missing).
find_our_brokers() {
  local d pid
  for d in /proc/[0-9]*; do
    pid="${d#/proc/}"
    is_our_broker "$pid" && echo "$pid"
  done
  return 0
}
