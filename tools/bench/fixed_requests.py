"""Sends an exact number of requests over keep-alive connections, for instruction counts (wrk runs for a duration,
not a count). Clicks are the bodies and headers of click.lua, but with codes taken in turn rather than at random, so
a warm-up of AFFILIATES clicks has seen every affiliate and runs count the same work. Exits non-zero on any non-2xx
answer.

    fixed_requests.py PORT healthz COUNT CONNECTIONS
    fixed_requests.py PORT click COUNT CONNECTIONS PROGRAM AFFILIATES
"""
import http.client, itertools, json, sys, threading

port, kind, count, connections = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
program, affiliates = (sys.argv[5], int(sys.argv[6])) if kind == "click" else (None, 0)
click_headers = {
    "Content-Type": "application/json",
    "Origin": "https://www.shop.example",
    "User-Agent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36",
}
numbers = itertools.count(1)
failures = []

def click_body(n):
    code = f"aff{n % affiliates}"
    return json.dumps({
        "programId": program, "pageUrl": f"https://www.shop.example/pricing?via={code}&utm_source=newsletter&utm_medium=email&utm_campaign=spring",
        "referrer": f"https://blog.example.com/review/{n}", "consentGranted": True}, separators=(",", ":"))

def client(share):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    for _ in range(share):
        if kind == "click":
            conn.request("POST", "/api/tracking/click", click_body(next(numbers)), click_headers)
        else:
            conn.request("GET", "/healthz")
        reply = conn.getresponse()
        body = reply.read()
        if not 200 <= reply.status < 300: failures.append(f"{reply.status} {body[:200]!r}")

threads = [threading.Thread(target=client, args=(count // connections + (i < count % connections),)) for i in range(connections)]
for thread in threads: thread.start()
for thread in threads: thread.join()
if failures: sys.exit(f"{len(failures)} of {count} {kind} requests failed, e.g. {failures[0]}")
