# Shared by the benchmark scripts: builds and starts a release Vouch on a fresh data directory, and runs wrk.
# Source it after `set -euo pipefail`; it sets $port, $base, $data, $db, $results and cleans up on exit. The functions
# act on the server those variables name, so a script may set them to run several.

command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
port=${VOUCH_BENCH_PORT:-18181}
base="http://127.0.0.1:$port"
tools/setup.sh
data=$(mktemp -d)
db=$data/db
results=$data/results
swift build -c release --product vouch >"$data/build.log" 2>&1 || { grep -E "error" "$data/build.log" >&2; exit 1; }
server=
trap 'bench_stop; rm -rf "$data"' EXIT

# Starts the server on $db (again, after a stop: the data stays), under $bench_wrapper when set (a profiler,
# which makes start-up take seconds rather than tenths). Arguments go to `vouch serve`.
bench_start() {
  VOUCH_PORT=$port VOUCH_DATA_DIR=$db VOUCH_TENANTS_DIR=$data/none VOUCH_ADMIN_TOKEN=bench VOUCH_RATE_LIMIT=1000000000 \
    VOUCH_TRACKING_RATE_LIMIT=1000000000 VOUCH_LOG_LEVEL=error ${bench_wrapper:-} .build/release/vouch serve "$@" >>"$data/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1200); do curl -sf "$base/healthz" >/dev/null && return; sleep 0.1; done
  echo "server did not start" >&2; cat "$data/server.log" >&2; exit 1
}

bench_stop() {
  [ -n "$server" ] && { kill "${1:--TERM}" "$server" 2>/dev/null; wait "$server" 2>/dev/null || true; }
  server=
}

# Creates tenant `bench` on Pro and prints a key of the given scope.
bench_tenant_key() {
  local admin=(-sf -H "Authorization: Bearer bench" -H "Content-Type: application/json")
  curl "${admin[@]}" -X POST "$base/admin/tenants" -d '{"handle":"bench","name":"Bench","planTier":"Pro","subscriptionStatus":"Active"}' >/dev/null || true
  curl "${admin[@]}" -X POST "$base/admin/tenants/bench/api-keys" -d "{\"name\":\"bench\",\"scope\":\"$1\"}" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["key"])'
}

# The server's CPU time so far, user and system, in clock ticks.
server_cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$server/stat"; }

# The bytes the server has had written to disk so far (its fsyncs and writeback), not what it handed to write().
server_disk_bytes() { awk '/^write_bytes:/ { print $2 }' "/proc/$server/io"; }

# wrk at 64 connections; appends "name rps p50 p99 non2xx cpu-us-per-request disk-bytes-per-request" to $results. The
# server's CPU time and disk writes per request are read after a pause longer than the background fold's interval, so
# that the work the requests left behind (folding clicks and sales, the deferred fsync) is counted with them and done
# before another server's run; CPU time depends much less than requests/s on what else the machine runs.
bench_run() { # name, path, extra wrk args
  local name=$1 path=$2 before disk output
  shift 2
  before=$(server_cpu_ticks)
  disk=$(server_disk_bytes)
  output=$(wrk -t2 -c64 -d"${seconds}s" --latency "$@" "$base$path")
  sleep 1.5
  awk -v name="$name" -v ticks=$(($(server_cpu_ticks) - before)) -v hz="$(getconf CLK_TCK)" -v disk=$(($(server_disk_bytes) - disk)) '
    / requests in / { requests = $1 }
    /Requests\/sec/ { rps = $2 }
    $1 == "50%" { p50 = $2 } $1 == "99%" { p99 = $2 }
    / Non-2xx or 3xx responses/ { bad = $NF }
    END { printf "%s %s %s %s %d %.1f %.0f\n", name, rps, p50, p99, bad, ticks / hz * 1e6 / requests, disk / requests }' <<<"$output" >>"$results"
}
