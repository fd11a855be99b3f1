#!/usr/bin/env bash
# Prints the machine a benchmark runs on (date, commit, CPUs, memory, load, Java), one line each;
# called by the bench-*.sh scripts before their run so every figure carries its conditions.
set -euo pipefail

echo "date:    $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "commit:  $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
echo "nproc:   $(nproc)"
echo "cpu:     $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "memory:  $(grep MemTotal /proc/meminfo | awk '{printf "%.1f GiB", $2/1048576}')"
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min, before the run)"
echo "java:    $(java -version 2>&1 | head -1)"
