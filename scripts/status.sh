#!/usr/bin/env bash
# Shows, for both bots: the systemd unit's state and restart count, the answer of /health (and the
# alert bot's per-source stream status), and the warnings and errors it logged recently. Exits 0
# when both units are active and both answer UP, 1 otherwise, so it also serves as a cron check.
# Needs curl; uses jq for readable output when installed. Reads the listener addresses from
# PREFIX/.env (COMMAND_HTTP_ADDR, ALERT_HTTP_ADDR), as the bots do.
set -euo pipefail

prefix=/opt/teleglas
since="1 hour ago"
lines=20

usage() {
  cat <<EOF
usage: scripts/status.sh [--prefix DIR] [--since TIME] [--lines N]
  --prefix DIR  install directory holding .env (default $prefix)
  --since TIME  journal window for warnings and errors, journalctl syntax (default "$since")
  --lines N     at most N journal lines per bot (default $lines)
EOF
}

while (($#)); do
  case "$1" in
    --prefix) prefix=${2:?--prefix needs a directory}; shift 2 ;;
    --since) since=${2:?--since needs a time}; shift 2 ;;
    --lines) lines=${2:?--lines needs a number}; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; exit 1 ;;
  esac
done
command -v curl >/dev/null || { echo "status: curl is missing: apt-get install curl" >&2; exit 1; }

# shellcheck source=scripts/teleglas-listener.sh
source "$(dirname "${BASH_SOURCE[0]}")/teleglas-listener.sh"

have_systemd=false
[[ -d /run/systemd/system ]] && command -v systemctl >/dev/null && have_systemd=true
healthy=true

show_unit() {
  local unit=$1
  if [[ "$have_systemd" == false ]]; then
    echo "unit:    not checked (systemd is not running here)"
    return
  fi
  local state sub restarts since_ts
  state=$(systemctl show -p ActiveState --value "$unit")
  sub=$(systemctl show -p SubState --value "$unit")
  restarts=$(systemctl show -p NRestarts --value "$unit")
  since_ts=$(systemctl show -p ActiveEnterTimestamp --value "$unit")
  echo "unit:    $state ($sub) since ${since_ts:-never}, restarted ${restarts:-0} times"
  [[ "$state" == active ]] || healthy=false
}

show_health() {
  local base=$1 body code
  if [[ "$base" == off ]]; then
    echo "health:  not checked (listener is off in $prefix/.env)"
    return
  fi
  if ! body=$(curl -sS -m 5 -w '\n%{http_code}' "$base/health" 2>&1); then
    echo "health:  no answer from $base/health (${body##*$'\n'})"
    healthy=false
    return
  fi
  code=${body##*$'\n'}
  body=${body%$'\n'*}
  if command -v jq >/dev/null && jq -e . >/dev/null 2>&1 <<<"$body"; then
    echo "health:  $(jq -r '.status + (if .role then " (" + .role + ")" else "" end)' <<<"$body") (HTTP $code)"
    jq -r '(.reasons // [])[] | "         - " + .' <<<"$body"
  else
    echo "health:  HTTP $code $body"
  fi
  [[ "$code" == 200 ]] || healthy=false
}

show_sources() {
  local base=$1 body
  [[ "$base" != off ]] && command -v jq >/dev/null || return 0
  body=$(curl -sS -m 5 "$base/api/websocket/sources" 2>/dev/null) || return 0
  echo "sources:"
  jq -r --argjson now "$(date +%s%3N)" '.sources[] |
      "  \(.source | . + " " * (12 - length))\(.state | . + " " * (12 - length))" +
      "last data " + (if .lastUpdate then "\((($now - .lastUpdate) / 1000) | floor) s ago" else "never" end) +
      ", \(.messagesReceived) frames, \(.errors) errors, \(.reconnects) reconnects"' <<<"$body" \
    || echo "  (unreadable answer from $base/api/websocket/sources)"
}

show_journal() {
  local unit=$1
  if ! command -v journalctl >/dev/null; then
    echo "journal: not checked (no journalctl)"
    return
  fi
  echo "warnings and errors since $since:"
  journalctl -u "$unit" -p warning --since "$since" -n "$lines" --no-pager -o short-iso -q \
    | sed 's/^/  /' || true
}

for bot in command-bot alert-bot; do
  unit=teleglas-$bot.service
  case "$bot" in
    command-bot) base=$(http_base "$prefix/.env" COMMAND_HTTP_ADDR 127.0.0.1:8082) ;;
    alert-bot) base=$(http_base "$prefix/.env" ALERT_HTTP_ADDR 127.0.0.1:8081) ;;
  esac
  echo "== $unit"
  show_unit "$unit"
  show_health "$base"
  [[ "$bot" == alert-bot ]] && show_sources "$base"
  show_journal "$unit"
  echo
done

if [[ "$healthy" == true ]]; then
  echo "status: both bots are running and UP"
else
  echo "status: at least one bot is not running or not UP (see above)"
  exit 1
fi
