#!/usr/bin/env bash
# Builds sluice-bench (and the modules it needs) and runs the Sluice-vs-Flink throughput harness.
# All arguments go to dev.sluice.bench.throughput.Main; see --help, e.g.:
#   sluice-bench/run-throughput.sh --engines flink -n 2M -r 1
#   sluice-bench/run-throughput.sh --out docs/PERFORMANCE-run.md
# Environment: SKIP_BUILD=1 skips the Maven build; JAVA (default: java) picks the JVM for the parent;
# MAVEN_ARGS adds Maven options.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  (cd "$root" && ./mvnw -q -pl sluice-bench -am package -DskipTests ${MAVEN_ARGS:-})
fi
export SLUICE_BENCH_CMD="sluice-bench/run-throughput.sh${*:+ $*}"
# Run from the repository root so relative --out paths such as docs/PERFORMANCE-run.md land there.
cd "$root"
exec "${JAVA:-java}" -Xmx512m -cp "$here/target/sluice-bench.jar:$here/target/lib/*" \
  dev.sluice.bench.throughput.Main "$@"
