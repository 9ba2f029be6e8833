#!/usr/bin/env bash
# Builds sluice-bench (and the modules it needs) and runs the Nexmark harness: Sluice's queries
# and the Flink suite's SQL over the same events. All arguments go to
# dev.sluice.bench.nexmark.harness.NexmarkMain; see --help, e.g.:
#   sluice-bench/run-nexmark.sh --events 200K -r 1 --queries q0,q1,q5
#   sluice-bench/run-nexmark.sh --out docs/NEXMARK-run.md
# Environment: SKIP_BUILD=1 skips the Maven build; JAVA (default: java) picks the JVM for the parent;
# MAVEN_ARGS adds Maven options.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  (cd "$root" && ./mvnw -q -pl sluice-bench -am package -DskipTests ${MAVEN_ARGS:-})
fi
export SLUICE_BENCH_CMD="sluice-bench/run-nexmark.sh${*:+ $*}"
# Run from the repository root so relative --out paths land there.
cd "$root"
exec "${JAVA:-java}" -Xmx512m -cp "$here/target/sluice-bench.jar:$here/target/lib/*" \
  dev.sluice.bench.nexmark.harness.NexmarkMain "$@"
