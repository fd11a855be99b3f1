#!/usr/bin/env bash
# JMH benchmarks of the alert hot path (docs/performance.md): frame decode per venue, the Jackson
# parse alone, the engine with the built-in rules, and dedup. Extra arguments go to JMH, e.g.
#   scripts/bench-jmh.sh DecodeBenchmark -p frame=binance-trade
# Results: bench/target/jmh-result.txt (and the console).
set -euo pipefail
cd "$(dirname "$0")/.."

# package, never install: ~/.m2 is shared with other checkouts.
./mvnw -B -q -o -pl bench -am package -DskipTests
scripts/bench-machine.sh
java -jar bench/target/bench.jar -rf text -rff bench/target/jmh-result.txt "$@"
