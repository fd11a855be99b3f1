#!/usr/bin/env bash
# Starts local fakes of Telegram and of the Binance market stream, so both bots can run for real
# (long polling, delivery, the outbox, subscriptions) without a token, a channel or a key:
#
#   scripts/local-fakes.sh            # terminal 1: the fakes; type commands to play users or the market
#   cd target/local-fakes && java -jar ../../alert-bot/target/alert-bot.jar      # terminal 2
#   cd target/local-fakes && java -jar ../../command-bot/target/command-bot.jar  # terminal 3
#
# The fakes are the test suite's own (FakeTelegramApi, WebSocketTestServer in shared-core's
# test-jar), run by scripts/local-fakes/LocalFakes.java; they write target/local-fakes/.env pointing
# both bots at them. The command bot still asks the exchanges' keyless public REST APIs, so its
# replies need the internet; for a fully offline look use --console --offline instead.
# Needs a build first: ./mvnw -B -DskipTests package (the test-jar is built by package too).
set -euo pipefail
cd "$(dirname "$0")/.."

dir=target/local-fakes
mkdir -p "$dir"
core=(shared-core/target/shared-core-*-SNAPSHOT.jar)
tests=(shared-core/target/shared-core-*-tests.jar)
if [[ ! -f "${core[0]}" || ! -f "${tests[0]}" ]]; then
  echo "local-fakes: shared-core's jars are missing; build first: ./mvnw -B -DskipTests package" >&2
  exit 1
fi

# WireMock, OkHttp's MockWebServer and the rest, as the test-jar's tests see them; resolved once.
classpath=$dir/classpath.txt
if [[ ! -s "$classpath" || shared-core/pom.xml -nt "$classpath" ]]; then
  echo "local-fakes: resolving the test classpath (once)"
  ./mvnw -B -q -pl shared-core dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$PWD/$classpath" "$@"
fi

exec java -cp "${core[0]}:${tests[0]}:$(cat "$classpath")" scripts/local-fakes/LocalFakes.java "$dir"
