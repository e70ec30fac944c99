#!/usr/bin/env bash
# CPU cost of POST /api/tracking/click against GET /healthz in instructions per request, counted by callgrind over
# the whole server process (every thread: event loops, handlers, the LMDB writer). Instruction counts hardly move
# with machine load, unlike requests/s. Seeds the tracking benchmark's program and 1,000 affiliates natively, then
# restarts the release build under callgrind, warms up, and counts each endpoint alone between zeroed counters.
# The profiles are kept for `callgrind_annotate --inclusive=yes OUT/click.out`.
#
#   tools/bench/click_profile.sh [requests=2000] [connections=8] [out-dir=/tmp/click-profile]
set -euo pipefail
cd "$(dirname "$0")/../.."
requests=${1:-2000}
connections=${2:-8}
out=${3:-/tmp/click-profile}
affiliates=1000
command -v valgrind >/dev/null && command -v cc >/dev/null || { echo "valgrind and a C compiler are needed" >&2; exit 1; }
source tools/bench/lib.sh
bench_start
key=$(bench_tenant_key read_write)
read -r program _ < <(python3 tools/bench/seed_tracking.py "$port" "$key" "$affiliates")
bench_stop

# Valgrind 3.19 cannot read the DWARF 5 of a Swift 6 build, so it runs a copy with only the symbol table.
objcopy --strip-debug .build/release/vouch "$data/vouch"
cc -shared -fPIC -O2 tools/bench/sigsuspend_copy.c -o "$data/sigsuspend_copy.so" -ldl
callgrind() { # Replaces the subshell, so $server is valgrind's pid, which callgrind_control needs.
  LD_PRELOAD=$data/sigsuspend_copy.so exec valgrind --tool=callgrind --callgrind-out-file="$data/callgrind.%p" "$data/vouch" "${@:2}"
}
bench_wrapper=callgrind
bench_start
load() { python3 tools/bench/fixed_requests.py "$port" "$1" "$2" "$connections" "$program" "$affiliates"; }
# Warm-up: lazy initialisation, decode caches (every affiliate once), the map's first pages and the rate limiter's
# bucket are not per-request costs.
load healthz 200
load click "$affiliates"
mkdir -p "$out"
declare -A per
for kind in healthz click; do
  callgrind_control -z "$server" >/dev/null 2>&1
  load "$kind" "$requests"
  # Clicks are folded into the rollups in the background; a dashboard query folds what is left, so the count
  # includes all of the clicks' rollup work (and one query's, which is small beside it).
  [ "$kind" = click ] && curl -sf -H "Authorization: Bearer $key" "$base/api/v1/dashboard/summary" >/dev/null
  callgrind_control -d "$kind" "$server" >/dev/null 2>&1
  profile=$(ls -t "$data"/callgrind.* | head -1)
  mv "$profile" "$out/$kind.out"
  per[$kind]=$(awk -v n="$requests" '/^(summary|totals):/ { print int($2 / n); exit }' "$out/$kind.out")
done
printf '%-8s %12s\n' endpoint 'Ir/request'
printf '%-8s %12s\n' healthz "${per[healthz]}" click "${per[click]}"
python3 -c "import sys; print(f'click / healthz: {int(sys.argv[1]) / int(sys.argv[2]):.2f}x the instructions')" "${per[click]}" "${per[healthz]}"
echo "profiles: $out/healthz.out $out/click.out"
