#!/usr/bin/env bash
# What keeping the Insights rollups costs a live server's ingest: the tracking benchmark's clicks (1,000 affiliates,
# an allowed Origin, UTM tags, a referrer), signed S2S sales, and both mixed as in the insights benchmark's year (three
# sales to a hundred clicks, `mix.lua`), on the server as it runs and on one started without the projections. Both servers run side by side on fresh data directories and take the load in turn, run after run,
# so both meet the same moments of a shared machine. Each folds its pending clicks every second, as always, and its
# CPU time is read after a pause, so the folds count. Writes its section of BENCHMARKS.md.
#
#   tools/bench/ingest.sh [rounds=9] [seconds-per-run=5]
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-9}
seconds=${2:-5}
affiliates=1000
source tools/bench/lib.sh
declare -A servers=() ports=([without]=$port [with]=$((port + 1))) programs=() keys=() secrets=()
trap 'for server in "${servers[@]}"; do bench_stop; done; rm -rf "$data"' EXIT

# Makes the variant's server the one lib.sh's functions act on.
use() { server=${servers[$1]}; port=${ports[$1]}; base="http://127.0.0.1:$port"; }

for variant in without with; do
  servers[$variant]=
  use "$variant"
  db=$data/$variant
  if [ "$variant" = without ]; then bench_start --without-insights-projections; else bench_start; fi
  servers[$variant]=$server
  keys[$variant]=$(bench_tenant_key read_write)
  read -r "programs[$variant]" "secrets[$variant]" < <(python3 tools/bench/seed_tracking.py "$port" "${keys[$variant]}" "$affiliates")
  # Warmed up as a server that has run for a while is: its affiliates' cells of the day and month exist.
  BENCH_PROGRAM=${programs[$variant]} BENCH_AFFILIATES=$affiliates wrk -t2 -c64 -d3s -s tools/bench/click.lua "$base/api/tracking/click" >/dev/null
done

for round in $(seq "$rounds"); do
  # Every other round the other way round, so that neither side always runs first.
  order=(without with)
  ((round % 2)) || order=(with without)
  for variant in "${order[@]}"; do
    use "$variant"
    BENCH_PROGRAM=${programs[$variant]} BENCH_AFFILIATES=$affiliates bench_run "click-$variant" /api/tracking/click -s tools/bench/click.lua
  done
  for variant in "${order[@]}"; do
    use "$variant"
    # Signed just before the run: signatures are valid for 300 s and each may be used once.
    python3 tools/bench/sign_s2s.py "$data/s2s.txt" "${secrets[$variant]}" 100000 "$affiliates"
    BENCH_S2S_FILE=$data/s2s.txt BENCH_KEY=${keys[$variant]} bench_run "s2s-$variant" /api/tracking/s2s -s tools/bench/s2s.lua
  done
  for variant in "${order[@]}"; do
    use "$variant"
    python3 tools/bench/sign_s2s.py "$data/s2s.txt" "${secrets[$variant]}" 20000 "$affiliates"
    BENCH_PROGRAM=${programs[$variant]} BENCH_AFFILIATES=$affiliates BENCH_S2S_FILE=$data/s2s.txt BENCH_KEY=${keys[$variant]} \
      bench_run "mix-$variant" / -s tools/bench/mix.lua
  done
done
python3 tools/bench/report.py "$results" 'Insights: what the projections cost live ingest' \
  "\`tools/bench/ingest.sh $rounds $seconds\` on {date} ({cpu}, {cores} cores, shared with wrk): release build, wrk \`-t2 -c64 -d${seconds}s\`, $rounds rounds, medians. Two servers side by side on fresh data directories, warmed up with 3 s of clicks: Vouch as it runs, and Vouch started with \`--without-insights-projections\` (a hidden flag for this benchmark). They take the tracking benchmark's clicks, its signed S2S sales, and both mixed as in the insights benchmark's year (three sales to a hundred clicks, standing in for its leads and sales), in turn and in alternating order. Each line with projections is compared with the same line without them: that ratio is the share of ingest speed the projections leave, aim 0.90 or more. The server's CPU per request includes the folds it runs every second behind the clicks." \
  '{"click-without": "POST /api/tracking/click without projections", "click-with": "POST /api/tracking/click with projections", "s2s-without": "POST /api/tracking/s2s without projections", "s2s-with": "POST /api/tracking/s2s with projections", "mix-without": "100 clicks to 3 sales without projections", "mix-with": "100 clicks to 3 sales with projections"}' \
  '{"click-with": "click-without", "s2s-with": "s2s-without", "mix-with": "mix-without"}'
