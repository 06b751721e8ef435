#!/usr/bin/env bash
# A smoke run of one fuzz target: run_fuzz.sh TARGET SEEDS CORPUS CRASHES
# Runs for $PRODA_FUZZ_SECONDS (default 60) from the seeds and the corpus earlier runs grew;
# exits non-zero (libFuzzer's status) on a crash, a leak, a timeout or running out of memory,
# and leaves the input in CRASHES.
set -euo pipefail
target="$1" seeds="$2" corpus="$3" crashes="$4"
mkdir -p "$corpus" "$crashes"
exec "$target" -max_total_time="${PRODA_FUZZ_SECONDS:-60}" -timeout=25 -rss_limit_mb=4096 -max_len=65536 \
  -print_final_stats=1 -artifact_prefix="$crashes/$(basename "$target")-" "$corpus" "$seeds"
