#!/bin/bash
# Max GUI gap while a file loads, N runs of bench.stall_probe per mode (bench/RESULTS.md).
#   bash bench/stall_runs.sh FILE N        e.g. bash bench/stall_runs.sh bench/out/60calls.txt 5
set -u
f=$1; n=$2
for m in side interleaved; do
  r=""
  for _ in $(seq "$n"); do
    g=$(timeout 300 .venv/bin/python -m bench.stall_probe "$f" --mode "$m" --scroll-calls 0 --no-sample 2>&1 \
        | grep -E "^load" | sed -E 's/.*max ([0-9.]+) ms.*/\1/')
    r="$r ${g:-failed}"
  done
  echo "$(basename "$f") $m:$r"
done
