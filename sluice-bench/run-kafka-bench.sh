#!/usr/bin/env bash
# Builds sluice-bench (and the modules it needs) and runs the Kafka -> Kafka harness: Sluice vs Kafka Streams 4.3.1
# on one local broker (its own child JVM). All arguments go to dev.sluice.bench.kafka.Main; see --help, e.g.:
#   sluice-bench/run-kafka-bench.sh --lines 1M --events 5M -r 3 --out docs/PERFORMANCE-kafka-run.md
#   sluice-bench/run-kafka-bench.sh --no-throughput --latency -p 1
# Environment: SKIP_BUILD=1 skips the Maven build; JAVA (default: java) picks the JVM; MAVEN_ARGS adds Maven options.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  (cd "$root" && ./mvnw -q -pl sluice-bench -am package -DskipTests ${MAVEN_ARGS:-})
fi
export SLUICE_BENCH_CMD="sluice-bench/run-kafka-bench.sh${*:+ $*}"
cd "$root"
exec "${JAVA:-java}" -Xmx1g -cp "$here/target/sluice-bench.jar:$here/target/lib/*" \
  dev.sluice.bench.kafka.Main "$@"
