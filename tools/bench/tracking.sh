#!/usr/bin/env bash
# Tracking benchmark: in one run and with wrk at 64 connections, POST /api/tracking/click (1,000 affiliates, an
# allowed Origin, realistic bodies) and signed POST /api/tracking/s2s, each alternating with the GET /healthz
# baseline. Writes medians and ratios to BENCHMARKS.md.
#
#   tools/bench/tracking.sh [rounds=3] [seconds-per-run=10]
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-3}
seconds=${2:-10}
affiliates=1000
source tools/bench/lib.sh
bench_start
key=$(bench_tenant_key read_write)
read -r program secret < <(python3 tools/bench/seed_tracking.py "$port" "$key" "$affiliates")
for _ in $(seq "$rounds"); do
  bench_run healthz /healthz
  BENCH_PROGRAM=$program BENCH_AFFILIATES=$affiliates bench_run click /api/tracking/click -s tools/bench/click.lua
  # Signed just before the run: signatures are valid for 300 s and each may be used once.
  python3 tools/bench/sign_s2s.py "$data/s2s.txt" "$secret" 150000 "$affiliates"
  BENCH_S2S_FILE=$data/s2s.txt BENCH_KEY=$key bench_run s2s /api/tracking/s2s -s tools/bench/s2s.lua
done
python3 tools/bench/report.py "$results" 'Tracking: clicks and S2S against `/healthz`' \
  "\`tools/bench/tracking.sh $rounds $seconds\` on {date} ({cpu}, {cores} cores, shared with wrk): release build, wrk \`-t2 -c64 -d${seconds}s\`, $rounds alternating rounds, medians. Clicks spread over $affiliates Approved affiliates with an allowed Origin, UTM tags and a referrer; each S2S call carries its own fresh HMAC signature and externalEventId. Every S2S conversion is fsynced (group commit) before its 2xx; every click is committed to the OS before its 2xx and fsynced within 100 ms (deferred sync)." \
  '{"healthz": "GET /healthz", "click": "POST /api/tracking/click", "s2s": "POST /api/tracking/s2s"}'
