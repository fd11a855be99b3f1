#!/usr/bin/env bash
# Replaces the installed JARs with new ones, one bot at a time, and rolls back a bot that does not
# come back UP. For each bot whose JAR changed:
#
#   1. the new JAR must print --version and accept the current configuration (--check-config,
#      from PREFIX with the unit's DATA_DIR), else nothing is touched;
#   2. the current JAR is kept as PREFIX/<bot>.jar.previous and the new one renamed into place
#      (atomic: the unit never sees half a file);
#   3. the unit is restarted and /health polled until it answers 200 (or, with the listener off,
#      until the unit has stayed active without restarting for the whole wait);
#   4. if that does not happen within --timeout, the previous JAR is put back, the unit restarted,
#      and the script stops with exit 1 before touching the next bot.
#
# The command bot goes first: it is UP as soon as it polls Telegram, so a broken build is caught
# before the alert bot, whose UP also needs a live market stream, is restarted.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
prefix=/opt/teleglas
jar_dir=
timeout=120
only=
# Test hook: UpgradeScriptIT points TELEGLAS_SYSTEMCTL at a stand-in that records the calls and
# fakes the restarts; in production it is unset and this is systemctl.
systemctl=${TELEGLAS_SYSTEMCTL:-systemctl}

usage() {
  cat <<EOF
usage: scripts/upgrade.sh [--prefix DIR] [--jars DIR] [--timeout SECONDS] [--only BOT]
  --prefix DIR       install directory (default $prefix)
  --jars DIR         directory holding the new command-bot.jar and alert-bot.jar
                     (default: the build output, command-bot/target and alert-bot/target)
  --timeout SECONDS  how long each bot may take to answer UP after its restart (default $timeout)
  --only BOT         upgrade only command-bot or alert-bot
Environment: TELEGLAS_SYSTEMCTL replaces systemctl (a test hook; leave it unset).
EOF
}

die() {
  echo "upgrade: $*" >&2
  exit 1
}

while (($#)); do
  case "$1" in
    --prefix) prefix=${2:?--prefix needs a directory}; shift 2 ;;
    --jars) jar_dir=${2:?--jars needs a directory}; shift 2 ;;
    --timeout) timeout=${2:?--timeout needs seconds}; shift 2 ;;
    --only) only=${2:?--only needs a bot}; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument '$1'" ;;
  esac
done
[[ "$timeout" =~ ^[0-9]+$ ]] || die "--timeout must be a number of seconds"
[[ -z "$only" || "$only" == command-bot || "$only" == alert-bot ]] || die "--only takes command-bot or alert-bot"
command -v curl >/dev/null || die "curl is missing: apt-get install curl"
[[ -w "$prefix" ]] || die "cannot write $prefix: run as root (sudo)"

unit_file() {
  local file
  file=$("$systemctl" show -p FragmentPath --value "teleglas-$1.service")
  [[ -n "$file" && -r "$file" ]] || die "teleglas-$1.service is not installed: run scripts/install.sh first"
  printf '%s' "$file"
}

# shellcheck source=scripts/teleglas-listener.sh
source "$(dirname "${BASH_SOURCE[0]}")/teleglas-listener.sh"

# Waits until the restarted unit is UP; returns 1 when the timeout passes first.
wait_up() {
  local unit=$1 base=$2 deadline=$((SECONDS + timeout)) restarts
  restarts=$("$systemctl" show -p NRestarts --value "$unit")
  while ((SECONDS < deadline)); do
    if ! "$systemctl" is-active --quiet "$unit"; then
      sleep 2
      continue
    fi
    if [[ "$base" == off ]]; then
      [[ "$("$systemctl" show -p NRestarts --value "$unit")" == "$restarts" ]] || return 1
    elif [[ "$(curl -s -m 5 -o /dev/null -w '%{http_code}' "$base/health")" == 200 ]]; then
      return 0
    fi
    sleep 2
  done
  # With the listener off, surviving the whole wait without a restart is the success.
  [[ "$base" == off ]] && "$systemctl" is-active --quiet "$unit" \
    && [[ "$("$systemctl" show -p NRestarts --value "$unit")" == "$restarts" ]]
}

upgrade() {
  local bot=$1 base=$2 unit=teleglas-$1.service
  local new=${jar_dir:-$repo/$bot/target}/$bot.jar current=$prefix/$bot.jar java
  [[ -f "$new" ]] || die "$new is missing: build it (./mvnw -B -DskipTests clean package) or pass --jars"
  [[ -f "$current" ]] || die "$current is missing: run scripts/install.sh first"
  if cmp -s "$new" "$current"; then
    echo "upgrade: $bot unchanged, not restarted"
    return
  fi
  java=$(sed -n '/^\[Service\]/,/^\[/s/^ExecStart=\([^ ]*\).*/\1/p' "$(unit_file "$bot")" | tail -n 1)
  [[ -x "$java" ]] || die "$unit names Java '$java', which is not executable"

  local version
  version=$("$java" -jar "$new" --version) || die "$new does not run (--version failed); nothing changed"
  if ! (cd "$prefix" && DATA_DIR="$prefix/data" "$java" -jar "$new" --check-config >/dev/null); then
    die "$bot $version rejects the current $prefix/.env (problems listed above); nothing changed"
  fi

  install -m 0644 "$current" "$current.previous"
  install -m 0644 "$new" "$current.new"
  mv -f "$current.new" "$current"
  echo "upgrade: $bot -> $version, restarting $unit"
  "$systemctl" restart "$unit"
  if wait_up "$unit" "$base"; then
    echo "upgrade: $bot is UP on $version"
    return
  fi

  echo "upgrade: $bot did not come back UP within ${timeout}s; rolling back to the previous JAR" >&2
  mv -f "$current.previous" "$current"
  "$systemctl" restart "$unit"
  if wait_up "$unit" "$base"; then
    die "$bot rolled back and UP again; see journalctl -u $unit for why $version failed"
  fi
  die "$bot rolled back but is still not UP: check journalctl -u $unit and scripts/status.sh"
}

for bot in command-bot alert-bot; do
  [[ -z "$only" || "$only" == "$bot" ]] || continue
  case "$bot" in
    command-bot) upgrade "$bot" "$(http_base "$prefix/.env" COMMAND_HTTP_ADDR 127.0.0.1:8082)" ;;
    alert-bot) upgrade "$bot" "$(http_base "$prefix/.env" ALERT_HTTP_ADDR 127.0.0.1:8081)" ;;
  esac
done
echo "upgrade: done"
