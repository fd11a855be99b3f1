#!/usr/bin/env bash
# CI check of the operations files: shellcheck on every script in scripts/, and
# `systemd-analyze verify` on both units as scripts/install.sh renders them (into a temporary root,
# touching nothing else). Exits non-zero on any finding. Needs shellcheck; systemd-analyze is used
# when present (Debian: apt-get install shellcheck systemd) and skipped with a notice when not.
set -euo pipefail
cd "$(dirname "$0")/.."

failed=0

if ! command -v shellcheck >/dev/null; then
  echo "check-ops: shellcheck is missing: apt-get install shellcheck" >&2
  exit 1
fi
echo "check-ops: shellcheck scripts/*.sh"
shellcheck --severity=style scripts/*.sh || failed=1

if ! command -v systemd-analyze >/dev/null; then
  echo "check-ops: systemd-analyze not found, units NOT verified (apt-get install systemd to check them)"
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  mkdir -p "$work/jars"
  # The units only name the JARs; their content does not matter to the check.
  touch "$work/jars/command-bot.jar" "$work/jars/alert-bot.jar"
  # verify resolves User=; root exists everywhere, and the real user is created by the installer.
  scripts/install.sh --root "$work/root" --jars "$work/jars" --user root >/dev/null
  for unit in "$work"/root/etc/systemd/system/teleglas-*.service; do
    echo "check-ops: systemd-analyze verify $(basename "$unit")"
    # verify prints findings but exits 0 for some of them, so any output is a finding too.
    if ! output=$(systemd-analyze verify --man=no "$unit" 2>&1) || [[ -n "$output" ]]; then
      printf '%s\n' "$output" >&2
      failed=1
    fi
  done
fi

if ((failed)); then
  echo "check-ops: FAILED" >&2
  exit 1
fi
echo "check-ops: OK"
