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
port=${VOUCH_BENCH_PORT:-18181}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }

tools/setup.sh
data=$(mktemp -d)
swift build -c release --product vouch >"$data/build.log" 2>&1 || { grep -E "error" "$data/build.log" >&2; exit 1; }
server=
trap '[ -n "$server" ] && { kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; }; rm -rf "$data"' EXIT
VOUCH_PORT=$port VOUCH_DATA_DIR=$data/db VOUCH_TENANTS_DIR=$data/none VOUCH_ADMIN_TOKEN=bench VOUCH_RATE_LIMIT=1000000000 \
  VOUCH_LOG_LEVEL=error .build/release/vouch serve >"$data/server.log" 2>&1 &
server=$!
base="http://127.0.0.1:$port"
for _ in $(seq 50); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.1; done

admin=(-sf -H "Authorization: Bearer bench" -H "Content-Type: application/json")
curl "${admin[@]}" -X POST "$base/admin/tenants" -d '{"handle":"bench","name":"Bench","planTier":"Pro","subscriptionStatus":"Active"}' >/dev/null
key=$(curl "${admin[@]}" -X POST "$base/admin/tenants/bench/api-keys" -d '{"name":"bench","scope":"read"}' |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["key"])')
writer=$(curl "${admin[@]}" -X POST "$base/admin/tenants/bench/api-keys" -d '{"name":"seed","scope":"read_write"}' |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["key"])')
for n in $(seq 10); do
  curl -sf -H "Authorization: Bearer $writer" -X POST "$base/api/v1/programs" \
    -d "{\"name\":\"Program $n\",\"defaultCommissionValue\":20,\"websiteDomain\":\"shop$n.example.com\"}" >/dev/null
done

results=$(mktemp)
run() { # name, path, extra wrk args
  local name=$1 path=$2
  shift 2
  wrk -t2 -c64 -d"${seconds}s" --latency "$@" "$base$path" | awk -v name="$name" '
    /Requests\/sec/ { rps = $2 }
    $1 == "50%" { p50 = $2 } $1 == "99%" { p99 = $2 }
    / Non-2xx or 3xx responses/ { bad = $NF }
    END { print name, rps, p50, p99, (bad ? bad : 0) }' >>"$results"
}
for _ in $(seq "$rounds"); do
  run healthz /healthz
  run programs /api/v1/programs -H "Authorization: Bearer $key"
done

python3 - "$results" "$rounds" "$seconds" <<'PY'
import re, statistics, subprocess, sys, datetime
path, rounds, seconds = sys.argv[1], sys.argv[2], sys.argv[3]
def ms(text):
    value, unit = re.match(r"([\d.]+)(us|ms|s)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
runs = {}
for line in open(path):
    name, rps, p50, p99, bad = line.split()
    if int(bad): sys.exit(f"{name}: {bad} non-2xx responses")
    runs.setdefault(name, []).append((float(rps), ms(p50), ms(p99)))
med = {n: tuple(statistics.median(r[i] for r in rs) for i in range(3)) for n, rs in runs.items()}
cpu = subprocess.run(["sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"], capture_output=True, text=True).stdout.strip()
rows = "\n".join(f"| `GET {'/healthz' if n == 'healthz' else '/api/v1/programs'}` | {m[0]:,.0f} | {m[1]:.2f} | {m[2]:.2f} |" for n, m in med.items())
section = f"""## HTTP: `/healthz` baseline vs `GET /api/v1/programs`

`tools/bench/http.sh {rounds} {seconds}` on {datetime.date.today()} ({cpu}, {subprocess.run(['nproc'], capture_output=True, text=True).stdout.strip()} cores, shared with wrk):
release build, wrk `-t2 -c64 -d{seconds}s`, {rounds} alternating rounds, medians. The programs call is authenticated
(API-key hash lookup, plan gate, rate limiter) and lists 10 programs from LMDB.

| endpoint | requests/s | p50 ms | p99 ms |
|---|---:|---:|---:|
{rows}

Ratio programs / healthz (requests/s): **{med['programs'][0] / med['healthz'][0]:.2f}**.
"""
try:
    text = open("BENCHMARKS.md").read()
except FileNotFoundError:
    text = "# Benchmarks\n\nFigures from the scripts in `tools/bench/`. Machines are shared and noisy: medians and ratios matter, not single numbers.\n\n"
start = text.find("## HTTP: ")
if start >= 0:
    end = text.find("\n## ", start + 1)
    text = text[:start] + section + (text[end + 1:] if end >= 0 else "")
else:
    text = text.rstrip() + "\n\n" + section
open("BENCHMARKS.md", "w").write(text)
print(section)
PY
