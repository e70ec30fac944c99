#!/usr/bin/env bash
# What keeping the Insights rollups costs a live server's ingest: the tracking benchmark's clicks (1,000 affiliates,
# an allowed Origin, UTM tags, a referrer) on the server as it runs, and on one started without the projections,
# alternating, each run on a fresh data directory. The server folds its pending clicks every second, as always, and
# its CPU time is read after a pause, so the folds count. Writes its section of BENCHMARKS.md.
#
#   tools/bench/ingest.sh [rounds=5] [seconds-per-run=10]
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-5}
seconds=${2:-10}
affiliates=1000
source tools/bench/lib.sh

measure() { # name, arguments of vouch serve
  local name=$1 key program
  shift
  rm -rf "$data/db"
  bench_start "$@"
  key=$(bench_tenant_key read_write)
  read -r program _ < <(python3 tools/bench/seed_tracking.py "$port" "$key" "$affiliates")
  export BENCH_PROGRAM=$program BENCH_AFFILIATES=$affiliates
  # Warmed up as a server that has run for a while is: its affiliates' cells of the day and month exist.
  wrk -t2 -c64 -d3s -s tools/bench/click.lua "$base/api/tracking/click" >/dev/null
  bench_run "$name" /api/tracking/click -s tools/bench/click.lua
  bench_stop
}
for round in $(seq "$rounds"); do
  # Every other round the other way round; the first run, without, is the table's baseline.
  if ((round % 2)); then measure without --without-insights-projections; measure with; else measure with; measure without --without-insights-projections; fi
done
python3 tools/bench/report.py "$results" 'Insights: what the projections cost live click ingest' \
  "\`tools/bench/ingest.sh $rounds $seconds\` on {date} ({cpu}, {cores} cores, shared with wrk): release build, wrk \`-t2 -c64 -d${seconds}s\`, $rounds alternating rounds, medians, each run on a fresh data directory. The tracking benchmark's clicks against the server as it runs and against one started with \`--without-insights-projections\` (a hidden flag for this benchmark): the ratio is the share of ingest speed the projections leave, aim 0.90 or more. The server's CPU per click includes the folds it runs every second behind the clicks." \
  '{"without": "POST /api/tracking/click without projections", "with": "POST /api/tracking/click with projections"}'
