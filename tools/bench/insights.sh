#!/usr/bin/env bash
# Insights benchmark: measures what the Insights projections cost live click ingest (`ingest.sh`), seeds one tenant
# with a year of traffic (10M clicks, 200k leads, 100k sales, 5,000 affiliates) through the real services, measures
# what the projections cost that backfill, then starts the release server on the seeded data and times every
# dashboard endpoint and insights module. Writes its sections of BENCHMARKS.md.
#
#   tools/bench/insights.sh [data-dir=.build/insights-data] [requests-per-query=200]
#
# A data directory already seeded (it holds seed.json) is reused. Smaller seeds for trying it out:
# INSIGHTS_CLICKS, INSIGHTS_LEADS, INSIGHTS_CONVERSIONS, INSIGHTS_AFFILIATES, INSIGHTS_COST_CLICKS.
set -euo pipefail
cd "$(dirname "$0")/../.."
tools/bench/ingest.sh
seeded=$(realpath -m "${1:-.build/insights-data}")
requests=${2:-200}
affiliates=${INSIGHTS_AFFILIATES:-5000}
source tools/bench/lib.sh
command -v mdb_stat >/dev/null || { echo "mdb_stat is needed for the size table: apt-get install -y lmdb-utils" >&2; exit 1; }
swift build -c release --product InsightsSeeder >>"$data/build.log" 2>&1 || { grep -E "error" "$data/build.log" >&2; exit 1; }

if [ ! -f "$seeded/seed.json" ]; then
  rm -rf "$seeded/db" && mkdir -p "$seeded"
  .build/release/InsightsSeeder seed "$seeded/db" --clicks "${INSIGHTS_CLICKS:-10000000}" --leads "${INSIGHTS_LEADS:-200000}" \
    --conversions "${INSIGHTS_CONVERSIONS:-100000}" --affiliates "$affiliates" --report "$seeded/seed.json.partial"
  mv "$seeded/seed.json.partial" "$seeded/seed.json"
fi
.build/release/InsightsSeeder ingest-cost --clicks "${INSIGHTS_COST_CLICKS:-200000}" --affiliates "$affiliates" --report "$data/cost.json"
# Every click on one day, where a fold finds clicks that share their cells.
.build/release/InsightsSeeder ingest-cost --clicks "${INSIGHTS_COST_CLICKS:-200000}" --affiliates "$affiliates" --days 1 --report "$data/cost-day.json"

ln -s "$seeded/db" "$data/db"
echo '{"base":"USD","rates":{"EUR":0.92}}' >"$data/fx.json"
export VOUCH_FX_RATES=$data/fx.json
bench_start
key=$(bench_tenant_key read)
python3 tools/bench/insights_queries.py "$port" "$key" "$seeded/seed.json" "$requests" "$data/queries.json"
grep -E 'VmRSS|VmHWM' "/proc/$server/status" >"$data/memory.txt"
bench_stop
python3 tools/bench/insights_report.py "$seeded/db" "$seeded/seed.json" "$data/cost.json" "$data/cost-day.json" "$data/queries.json" "$data/memory.txt" \
  "tools/bench/insights.sh ${1:-} $requests"
