#!/usr/bin/env bash
# Starts local fakes of everything the bots talk to, so both can run for real (long polling,
# delivery, the outbox, subscriptions, CoinGlass and exchange answers) fully offline, without a
# token, a channel or a key (docs/operations.md, "Try it locally first"):
#
#   scripts/local-fakes.sh [--dir DIR] [MAVEN_OPTIONS...]
#
# On 127.0.0.1: a fake Telegram Bot API for both bots, a fake CoinGlass v4 and keyless exchange REST
# API answering from the command bot's bundled sample data, and a fake Binance market stream with a
# quiet tape of small trades. It writes DIR/.env (default target/local-fakes/.env) pointing both bots
# at them, prints what the bots send, and reads commands from stdin (help lists them). Stops on
# Ctrl-D, "quit" or Ctrl-C. Run by scripts/local-fakes/LocalFakes.java with the test suite's own
# fakes (shared-core's test-jar) and the command bot's OfflineUpstream.
#
# Needs a build first: ./mvnw -B -DskipTests package (it builds the test-jar too). The first run
# resolves the test classpath with Maven (MAVEN_OPTIONS such as -o are passed on) and keeps it in
# target/local-fakes/classpath.txt; LOCAL_FAKES_CLASSPATH, when set, is used instead (the
# integration test passes its own).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)

dir=$repo/target/local-fakes
maven=()
while (($#)); do
  case "$1" in
    --dir)
      mkdir -p "${2:?--dir needs a directory}"
      dir=$(cd "$2" && pwd)
      shift 2
      ;;
    -h | --help)
      sed -n '2,19s/^# \{0,1\}//p' "$0"
      exit 0
      ;;
    *) maven+=("$1"); shift ;;
  esac
done
cd "$repo"

mkdir -p "$dir" target/local-fakes
core=(shared-core/target/shared-core-*-SNAPSHOT.jar)
tests=(shared-core/target/shared-core-*-tests.jar)
command=(command-bot/target/command-bot-*-SNAPSHOT.jar)
for jar in "${core[0]}" "${tests[0]}" "${command[0]}"; do
  if [[ ! -f "$jar" ]]; then
    echo "local-fakes: $jar is missing; build first: ./mvnw -B -DskipTests package" >&2
    exit 1
  fi
done

classpath=${LOCAL_FAKES_CLASSPATH:-}
if [[ -z "$classpath" ]]; then
  # WireMock, OkHttp's MockWebServer and the rest, as the test-jar's tests see them; resolved once.
  cached=target/local-fakes/classpath.txt
  if [[ ! -s "$cached" || shared-core/pom.xml -nt "$cached" ]]; then
    echo "local-fakes: resolving the test classpath (once)"
    ./mvnw -B -q -pl shared-core dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile="$PWD/$cached" "${maven[@]}"
  fi
  classpath=$(cat "$cached")
fi

exec java -cp "${core[0]}:${tests[0]}:${command[0]}:$classpath" scripts/local-fakes/LocalFakes.java "$dir"
