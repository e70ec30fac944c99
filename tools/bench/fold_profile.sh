#!/usr/bin/env bash
# CPU cost of folding clicks into the rollups, in instructions per click: callgrind counts only inside the fold's
# read side (`StoredClickLog.clicks`: the click records past the cursor decoded; `RollupFolder.cells`: clicks summed
# per profile and fanned out to rollup cells, then sorted) and the writer's `addNow`, over an `InsightsSeeder
# ingest-cost` run (its two runs with the projector fold the same clicks, alongside and afterwards). Instruction
# counts hardly move with machine load, unlike the fold's seconds.
#
#   tools/bench/fold_profile.sh [clicks=20000] [days=365] [out-dir=/tmp/fold-profile]
set -euo pipefail
cd "$(dirname "$0")/../.."
clicks=${1:-20000}
days=${2:-365}
out=${3:-/tmp/fold-profile}
command -v valgrind >/dev/null && command -v cc >/dev/null || { echo "valgrind and a C compiler are needed" >&2; exit 1; }
tools/setup.sh
swift build -c release --product InsightsSeeder >/dev/null
mkdir -p "$out" && rm -f "$out"/callgrind.*
# As in click_profile.sh: valgrind 3.19 needs a copy without DWARF 5 and the sigsuspend shim.
objcopy --strip-debug .build/release/InsightsSeeder "$out/seeder"
cc -shared -fPIC -O2 tools/bench/sigsuspend_copy.c -o "$out/sigsuspend_copy.so" -ldl
LD_PRELOAD=$out/sigsuspend_copy.so valgrind --tool=callgrind --callgrind-out-file="$out/callgrind.%p" \
  --toggle-collect='$s8Tracking14StoredClickLogV6clicks*' --toggle-collect='$s8Insights12RollupFolderC5cells*' \
  --toggle-collect='*LMDBWriterV6addNow*' \
  "$out/seeder" ingest-cost --clicks "$clicks" --affiliates 5000 --days "$days" --rounds 1 >"$out/run.log" 2>&1
profile=$(ls -S "$out"/callgrind.* | head -1)
awk -v clicks="$clicks" -v days="$days" '/^totals:/ { printf "fold: %d instructions per click (%d clicks over %d days, folded twice)\n", $2 / (2 * clicks), clicks, days }' "$profile"
echo "profile: $profile (callgrind_annotate --inclusive=yes)"
