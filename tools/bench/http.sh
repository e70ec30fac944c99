#!/usr/bin/env bash
# HTTP benchmark: a release build of Vouch on a fresh data directory; wrk at 64 connections against GET /healthz (the
# baseline: no auth, no storage) and GET /api/v1/programs (authenticated, 10 programs), alternating for several
# rounds so both see the same machine. Writes medians and the ratio to BENCHMARKS.md.
#
#   tools/bench/http.sh [rounds=3] [seconds-per-run=10]
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-3}
seconds=${2:-10}
source tools/bench/lib.sh
bench_start
key=$(bench_tenant_key read)
writer=$(bench_tenant_key read_write)
for n in $(seq 10); do
  curl -sf -H "Authorization: Bearer $writer" -X POST "$base/api/v1/programs" \
    -d "{\"name\":\"Program $n\",\"defaultCommissionValue\":20,\"websiteDomain\":\"shop$n.example.com\"}" >/dev/null
done
for _ in $(seq "$rounds"); do
  bench_run healthz /healthz
  bench_run programs /api/v1/programs -H "Authorization: Bearer $key"
done
python3 tools/bench/report.py "$results" 'HTTP: `/healthz` baseline vs `GET /api/v1/programs`' \
  "\`tools/bench/http.sh $rounds $seconds\` on {date} ({cpu}, {cores} cores, shared with wrk): release build, wrk \`-t2 -c64 -d${seconds}s\`, $rounds alternating rounds, medians. The programs call is authenticated (API-key hash lookup, plan gate, rate limiter) and lists 10 programs from LMDB." \
  '{"healthz": "GET /healthz", "programs": "GET /api/v1/programs"}'
