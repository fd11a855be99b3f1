#!/usr/bin/env bash
# Installs both bots on a Debian/Ubuntu host as hardened systemd services, the one supported way to
# run them in production (docs/operations.md):
#
#   PREFIX/command-bot.jar, PREFIX/alert-bot.jar   0644 root
#   PREFIX/.env                                   0640 root:GROUP (kept if present, else .env.example)
#   PREFIX/data/                                  0750 USER:GROUP, the only writable path
#   PREFIX/docs/operations.md                     0644 root
#   PREFIX/bin/{status,upgrade,run-as-unit}.sh    0755 root, so operating needs no checkout
#   PREFIX/bin/teleglas-listener.sh               0644 root, sourced by status.sh and upgrade.sh
#   UNIT_DIR/teleglas-command-bot.service          0644 root, from deploy/systemd/
#   UNIT_DIR/teleglas-alert-bot.service
#
# It creates the system user, enables both units and starts nothing: fill in .env first. Run it
# again to reinstall; an existing .env and data/ are never touched. To replace the JARs of running
# bots use scripts/upgrade.sh, which restarts one bot at a time and rolls back.
#
# --root DIR writes every file under DIR (like DESTDIR) while the units still name the real paths,
# and skips the user, ownership and systemctl (--no-system skips those alone); --dry-run only prints
# what would be done. They leave the running system alone, which is how scripts/check-ops.sh and
# ScriptsIT test this script.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
prefix=/opt/teleglas
unit_dir=/etc/systemd/system
user=teleglas
root=
no_system=false
dry_run=false
java_bin=
heap=256m
jar_dir=

usage() {
  cat <<EOF
usage: scripts/install.sh [options]
  --prefix DIR     install directory (default $prefix)
  --unit-dir DIR   where the systemd units go (default $unit_dir)
  --user NAME      system user the bots run as, created if missing (default $user)
  --java PATH      Java 17+ binary the units start (default: java on PATH, resolved)
  --heap SIZE      maximum Java heap per bot, -Xmx (default $heap)
  --jars DIR       directory holding command-bot.jar and alert-bot.jar
                   (default: the build output, command-bot/target and alert-bot/target)
  --root DIR       install under DIR instead of / (like DESTDIR); implies --no-system
  --no-system      write the files but create no user, set no owner, run no systemctl
  --dry-run        print every action without doing it
  -h, --help       this text
Build the JARs first: ./mvnw -B -DskipTests clean package
EOF
}

die() {
  echo "install: $*" >&2
  exit 1
}

while (($#)); do
  case "$1" in
    --prefix) prefix=${2:?--prefix needs a directory}; shift 2 ;;
    --unit-dir) unit_dir=${2:?--unit-dir needs a directory}; shift 2 ;;
    --user) user=${2:?--user needs a name}; shift 2 ;;
    --java) java_bin=${2:?--java needs a path}; shift 2 ;;
    --heap) heap=${2:?--heap needs a size such as 256m}; shift 2 ;;
    --jars) jar_dir=${2:?--jars needs a directory}; shift 2 ;;
    --root) root=${2:?--root needs a directory}; shift 2 ;;
    --no-system) no_system=true; shift ;;
    --dry-run) dry_run=true; shift ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument '$1'" ;;
  esac
done

[[ "$prefix" == /* ]] || die "--prefix must be an absolute path, got '$prefix'"
[[ "$unit_dir" == /* ]] || die "--unit-dir must be an absolute path, got '$unit_dir'"
[[ "$prefix" =~ ^[A-Za-z0-9/._-]+$ ]] || die "--prefix may hold only letters, digits and / . _ -"
[[ "$user" =~ ^[a-z_][a-z0-9_-]*$ ]] || die "--user '$user' is not a valid user name"
[[ "$heap" =~ ^[0-9]+[kKmMgG]$ ]] || die "--heap '$heap' is not a size such as 256m or 1g"
if [[ -n "$root" ]]; then
  [[ "$root" == /* ]] || die "--root must be an absolute path, got '$root'"
  root=${root%/}
fi

live=false
if [[ -z "$root" && "$no_system" == false && "$dry_run" == false ]]; then
  live=true
  ((EUID == 0)) || die "run as root (sudo), or use --root DIR / --dry-run to try it out"
fi

run() {
  if [[ "$dry_run" == true ]]; then
    printf 'would run:'
    printf ' %q' "$@"
    printf '\n'
  else
    "$@"
  fi
}

# Resolve and check Java: the unit must name a real binary, not a PATH lookup systemd may not share.
if [[ -z "$java_bin" ]]; then
  java_bin=$(command -v java) || die "no java on PATH: apt-get install openjdk-17-jre-headless, or pass --java"
  java_bin=$(readlink -f "$java_bin")
fi
[[ -x "$java_bin" ]] || die "--java '$java_bin' is not an executable file"
java_version=$("$java_bin" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)
if ! [[ "$java_version" =~ ^[0-9]+$ ]] || ((java_version < 17)); then
  die "$java_bin is Java '${java_version:-unknown}'; the bots need Java 17 or newer"
fi

declare -A jars=(
  [command-bot]=${jar_dir:-$repo/command-bot/target}/command-bot.jar
  [alert-bot]=${jar_dir:-$repo/alert-bot/target}/alert-bot.jar
)
for bot in command-bot alert-bot; do
  [[ -f "${jars[$bot]}" ]] || die "${jars[$bot]} is missing: build it first (./mvnw -B -DskipTests clean package) or pass --jars"
done

group=$user
if [[ "$live" == true ]]; then
  if id -u "$user" >/dev/null 2>&1; then
    echo "install: user $user exists"
  else
    echo "install: creating system user $user"
    useradd --system --user-group --home-dir "$prefix" --no-create-home \
      --shell /usr/sbin/nologin --comment "teleglas bots" "$user"
  fi
else
  echo "install: would create system user $user if missing (skipped: --root, --no-system or --dry-run)"
fi

dest() { printf '%s%s' "$root" "$1"; }

# Owner options for install(1): only meaningful, and only allowed, when installing for real.
owner() {
  if [[ "$live" == true ]]; then
    printf '%s\n' -o "$1" -g "$2"
  fi
}

mapfile -t root_owner < <(owner root root)
mapfile -t group_owner < <(owner root "$group")
mapfile -t user_owner < <(owner "$user" "$group")

run install -d -m 0755 "${root_owner[@]}" "$(dest "$prefix")" "$(dest "$prefix/docs")" "$(dest "$unit_dir")"
run install -d -m 0750 "${user_owner[@]}" "$(dest "$prefix/data")"
for bot in command-bot alert-bot; do
  run install -m 0644 "${root_owner[@]}" "${jars[$bot]}" "$(dest "$prefix/$bot.jar")"
done
run install -m 0644 "${root_owner[@]}" "$repo/docs/operations.md" "$(dest "$prefix/docs/operations.md")"
run install -d -m 0755 "${root_owner[@]}" "$(dest "$prefix/bin")"
for script in status.sh upgrade.sh run-as-unit.sh; do
  run install -m 0755 "${root_owner[@]}" "$repo/scripts/$script" "$(dest "$prefix/bin/$script")"
done
run install -m 0644 "${root_owner[@]}" "$repo/scripts/teleglas-listener.sh" \
  "$(dest "$prefix/bin/teleglas-listener.sh")"

if [[ -e "$(dest "$prefix/.env")" ]]; then
  echo "install: keeping the existing $prefix/.env"
else
  run install -m 0640 "${group_owner[@]}" "$repo/.env.example" "$(dest "$prefix/.env")"
  echo "install: created $prefix/.env from .env.example: fill in the tokens before starting"
fi

# Serial GC and capped code cache and metaspace: measured to cut RSS without costing throughput
# on a small VPS. An 8 MB young generation instead of a third of the heap: the whole young
# generation is touched within seconds, so this cuts peak RSS by ~13 MB, for more frequent (~1.3 ms)
# young collections (docs/performance.md, "Peak RSS").
java_opts="-Xmx$heap -Xmn8m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=32m -XX:MaxMetaspaceSize=96m -XX:+ExitOnOutOfMemoryError"
for bot in command-bot alert-bot; do
  unit=teleglas-$bot.service
  template=$repo/deploy/systemd/$unit
  target=$(dest "$unit_dir/$unit")
  rendered=$(sed -e "s|@PREFIX@|$prefix|g" -e "s|@USER@|$user|g" -e "s|@GROUP@|$group|g" \
    -e "s|@JAVA@|$java_bin|g" -e "s|@JAVA_OPTS@|$java_opts|g" "$template")
  if grep -q '@[A-Z_]*@' <<<"$rendered"; then
    die "$template has a placeholder this script does not fill: $(grep -o '@[A-Z_]*@' <<<"$rendered" | head -n 1)"
  fi
  if [[ "$dry_run" == true ]]; then
    echo "would write $target:"
    grep '^ExecStart=' <<<"$rendered"
  else
    printf '%s\n' "$rendered" >"$target.tmp"
    chmod 0644 "$target.tmp"
    mv -f "$target.tmp" "$target"
  fi
done

if [[ "$live" == true ]]; then
  if [[ -d /run/systemd/system ]]; then
    systemctl daemon-reload
    systemctl enable teleglas-command-bot.service teleglas-alert-bot.service
  else
    echo "install: systemd is not running here; start each bot with scripts/run-as-unit.sh <bot>"
  fi
fi

cat <<EOF
install: done. Next:
  1. edit $prefix/.env (tokens, channel id; docs/operations.md says how to get them)
  2. check it:  $prefix/bin/run-as-unit.sh command-bot --check-config
                $prefix/bin/run-as-unit.sh alert-bot --check-config
  3. start:     systemctl start teleglas-command-bot teleglas-alert-bot
  4. verify:    $prefix/bin/status.sh
EOF
