#!/usr/bin/env bash
# End-to-end replay benchmark of alert-bot.jar (docs/performance.md): builds the jar and the
# harness offline, then runs the real bot (-Xmx64m -XX:+UseSerialGC) between a local Binance-shaped
# WebSocket feed and the fake Telegram Bot API. Prints the machine and a summary table; the table
# is also written to bench/target/replay/summary.txt. BENCH_ONLY=ingest|latency|cascade runs one
# part; BENCH_BOT_OPTS='...' adds bot JVM flags, e.g. '-XX:NativeMemoryTracking=summary' (then
# nmt-ingest.txt is written) or a JFR recording; BENCH_BOT_ENV='NAME=VALUE ...' adds environment;
# BENCH_TELEGRAM=wiremock swaps the lean fake Telegram for shared-core's WireMock one (comparison).
set -euo pipefail
cd "$(dirname "$0")/.."

# package, never install: ~/.m2 is shared, and the reactor resolves alert-bot and shared-core
# (test-jar included) to their freshly built target/ artifacts in this same invocation.
./mvnw -B -q -o -pl bench -am package dependency:build-classpath -DskipTests \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt

out=bench/target/replay
rm -rf "$out" && mkdir -p "$out"
scripts/bench-machine.sh | tee "$out/machine.txt"

java -Xmx512m -Dbench.only="${BENCH_ONLY:-all}" -Dbench.botOptions="${BENCH_BOT_OPTS:-}" \
  -Dbench.botEnv="${BENCH_BOT_ENV:-}" \
  -cp "bench/target/test-classes:bench/target/classes:$(cat bench/target/test-classpath.txt)" \
  io.teleglas.bench.replay.ReplayBenchmark alert-bot/target/alert-bot.jar "$out"
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min, after the run)" | tee -a "$out/machine.txt"
