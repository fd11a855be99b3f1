#!/usr/bin/env bash
# End-to-end /raw benchmark of command-bot.jar (docs/performance.md, "Command bot"): builds the jar
# and the harness offline (package only, nothing is installed into ~/.m2), then runs the real bot
# (-Xmx64m -XX:+UseSerialGC) between a fake CoinGlass/exchange REST server that answers every call
# after 100 ms and the fake Telegram Bot API. Prints the machine and a summary table; the table is
# also written to bench/target/commands/summary.txt and every sample to samples.csv beside it.
# BENCH_BOT_JVM_OPTIONS adds options to the bot's JVM, e.g.
#   BENCH_BOT_JVM_OPTIONS='-XX:StartFlightRecording=filename=bot.jfr,settings=profile' (file lands
#   in bench/target/commands/bot/). Takes about five minutes: it waits out the bot's caches (31 s)
#   before every uncached round.
#
# Usage: scripts/bench-commands.sh [JAR]  (default: the command-bot.jar this tree builds; pass an
# older build to compare before and after a change).
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -B -q -o -pl bench,command-bot -am package -DskipTests
jar=$(realpath "${1:-command-bot/target/command-bot.jar}")
./mvnw -B -q -o -pl bench dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/test-classpath.txt

# Without install, the reactor's own modules resolve from ~/.m2; use this tree's fresh builds first.
local_classes="shared-core/target/test-classes:shared-core/target/classes:alert-bot/target/classes"

out=bench/target/commands
rm -rf "$out" && mkdir -p "$out"
{
  scripts/bench-machine.sh
  echo "jar:     $jar ($(sha256sum "$jar" | cut -c1-12))"
} | tee "$out/machine.txt"

java -Xmx256m "-Dbench.botJvmOptions=${BENCH_BOT_JVM_OPTIONS:-}" -Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener \
  -cp "bench/target/test-classes:bench/target/classes:$local_classes:$(cat bench/target/test-classpath.txt)" \
  io.teleglas.bench.command.CommandBenchmark "$jar" "$out"
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min, after the run)" | tee -a "$out/machine.txt"
cat "$out/machine.txt" "$out/summary.txt" > "$out/report.txt"
