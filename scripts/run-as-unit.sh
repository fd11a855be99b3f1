#!/usr/bin/env bash
# Runs a bot exactly as its installed systemd unit would: the unit's ExecStart line, as its User and
# Group, in its WorkingDirectory, with only its Environment= variables (plus PATH, HOME and LANG), its
# UMask and no new privileges. For machines without systemd as PID 1 (containers, WSL) and for
# one-off runs with the production setup, such as
#
#   scripts/run-as-unit.sh alert-bot --check-config
#
# Arguments after the bot name are appended to ExecStart. The bot runs in the foreground (this
# script execs it) and stops on Ctrl-C or SIGTERM; nothing restarts it, and the systemd sandboxing
# (ProtectSystem, ReadWritePaths, ...) does not apply, so prefer the unit wherever systemd runs.
# Stop the unit first: the bot's lock on its data directory refuses a second instance.
set -euo pipefail

unit_dir=/etc/systemd/system
unit_file=

usage() {
  cat <<'EOF'
usage: scripts/run-as-unit.sh [--unit-dir DIR | --unit FILE] command-bot|alert-bot [ARGS...]
  --unit-dir DIR  where the installed units are (default /etc/systemd/system)
  --unit FILE     the unit file to run instead (then the bot name is only a label)
EOF
}

die() {
  echo "run-as-unit: $*" >&2
  exit 1
}

while (($#)); do
  case "$1" in
    --unit-dir) unit_dir=${2:?--unit-dir needs a directory}; shift 2 ;;
    --unit) unit_file=${2:?--unit needs a file}; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    -*) usage >&2; die "unknown option '$1'" ;;
    *) break ;;
  esac
done
(($#)) || { usage >&2; exit 1; }
bot=$1
shift
case "$bot" in
  command-bot | alert-bot) ;;
  *) die "unknown bot '$bot': expected command-bot or alert-bot" ;;
esac
unit_file=${unit_file:-$unit_dir/teleglas-$bot.service}
[[ -r "$unit_file" ]] || die "cannot read $unit_file: install the bots first (scripts/install.sh)"

# The value of a [Service] setting; the last occurrence wins, as in systemd. Our units use single
# lines without quotes or continuations, and this refuses anything else rather than misread it.
setting() {
  local value
  value=$(sed -n "/^\[Service\]/,/^\[/s/^$1=//p" "$unit_file" | tail -n 1)
  if [[ "$value" == *[\"\'\\]* ]]; then
    die "$unit_file: $1= uses quotes or escapes, which this script does not interpret"
  fi
  printf '%s' "$value"
}

exec_start=$(setting ExecStart)
user=$(setting User)
group=$(setting Group)
work_dir=$(setting WorkingDirectory)
umask_value=$(setting UMask)
[[ -n "$exec_start" ]] || die "$unit_file has no ExecStart="
[[ "$exec_start" != [-@:+!]* ]] || die "$unit_file: ExecStart= prefixes (-@:+!) are not supported"

read -r -a command <<<"$exec_start"
environment=(PATH=/usr/local/bin:/usr/bin:/bin "LANG=${LANG:-C.UTF-8}")
while read -r line; do
  [[ "$line" == *[\"\'\\]* ]] && die "$unit_file: Environment= uses quotes or escapes, which this script does not interpret"
  read -r -a assignments <<<"$line"
  environment+=("${assignments[@]}")
done < <(sed -n '/^\[Service\]/,/^\[/s/^Environment=//p' "$unit_file")

[[ -z "$work_dir" ]] || cd "$work_dir" || die "cannot enter WorkingDirectory $work_dir"
[[ -z "$umask_value" ]] || umask "$umask_value"

current=$(id -un)
if [[ -z "$user" || "$user" == "$current" ]]; then
  exec env -i HOME="${HOME:-/}" "${environment[@]}" "${command[@]}" "$@"
fi
((EUID == 0)) || die "the unit runs as $user: run this script as root (sudo) or as $user"
id -u "$user" >/dev/null 2>&1 || die "user $user does not exist: run scripts/install.sh"
home=$(getent passwd "$user" | cut -d: -f6)
exec setpriv --reuid="$user" --regid="${group:-$user}" --init-groups --no-new-privs \
  env -i HOME="${home:-/}" "${environment[@]}" "${command[@]}" "$@"
