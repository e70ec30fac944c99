"""Times every dashboard endpoint and insights module, one request at a time over a keep-alive connection: for the
whole tenant, the shop program and the busiest affiliate, each over the default window (last 30 days) and the
seeded year. Writes p50/p95 in milliseconds per query as JSON.

    insights_queries.py PORT KEY SEED_JSON REQUESTS OUT_JSON
"""
import datetime, http.client, json, statistics, sys, time

port, key, seed, requests, out = int(sys.argv[1]), sys.argv[2], json.load(open(sys.argv[3])), int(sys.argv[4]), sys.argv[5]
warmup = max(5, requests // 10)
endpoints = (
    ["summary"]
    + [f"timeseries?metric={m}" for m in ("clicks", "conversions", "leads", "payouts")]
    + [f"leaderboard?metric={m}" for m in ("clicks", "conversions", "earnings", "epc")]
    + ["traffic-sources", "export.csv?metric=clicks"]
    + [f"insights/{m}" for m in ("overview", "sale-origin", "geography", "devices")]
    + [f"insights/utm?dimension={d}" for d in ("source", "medium", "campaign")]
    + [f"insights/{m}" for m in ("time-patterns", "time-to-convert", "funnel", "attribution", "recurring", "customers")]
)
first = datetime.date.fromisoformat(seed["firstDay"])
windows = {"30d": "", "year": f"since={first}&until={first + datetime.timedelta(days=seed['days'])}"}
scopes = {"tenant": "", "program": f"programId={seed['shopProgramId']}", "affiliate": f"affiliateId={seed['busiestAffiliateId']}"}
conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
headers = {"Authorization": f"Bearer {key}"}

def get(path):
    started = time.perf_counter()
    conn.request("GET", path, headers=headers)
    reply = conn.getresponse()
    body = reply.read()
    elapsed = (time.perf_counter() - started) * 1000
    if reply.status != 200: sys.exit(f"GET {path}: {reply.status} {body[:300]!r}")
    return elapsed

results = []
for scope, scope_query in scopes.items():
    for window, window_query in windows.items():
        for endpoint in endpoints:
            query = "&".join(q for q in (scope_query, window_query) if q)
            path = f"/api/v1/dashboard/{endpoint}" + (("&" if "?" in endpoint else "?") + query if query else "")
            for _ in range(warmup): get(path)
            times = sorted(get(path) for _ in range(requests))
            p50, p95 = statistics.median(times), times[int(len(times) * 0.95) - 1]
            results.append({"endpoint": endpoint, "scope": scope, "window": window, "p50": round(p50, 2), "p95": round(p95, 2), "max": round(times[-1], 2)})
            print(f"{scope:9} {window:4} {endpoint:34} p50 {p50:7.2f} ms  p95 {p95:7.2f} ms", flush=True)
json.dump({"requests": requests, "warmup": warmup, "results": results}, open(out, "w"), indent=1)
