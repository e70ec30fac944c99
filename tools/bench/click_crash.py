"""Click durability under kill -9, driven by click_crash.sh.

    click_crash.py load PORT PROGRAM OUT   32 clients post clicks until the server dies under them; every click whose
                                           200 with a clickToken reached a client is written to OUT.
    click_crash.py check PORT PROGRAM OUT  after the restart, looks each one up through the API (a repeat click with
                                           that token comes back as `repeat_click` only when the click is stored) and
                                           prints acknowledged, found and lost as JSON.
"""
import http.client, json, sys, threading

mode, port, program, out = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
clients, affiliates = 32, 1000
headers = {"Content-Type": "application/json", "Origin": "https://www.shop.example", "User-Agent": "Mozilla/5.0 Chrome/126.0"}
acknowledged, lock = [], threading.Lock()

def body(code, token=None):
    fields = {"programId": program, "pageUrl": f"https://www.shop.example/?via={code}", "consentGranted": True}
    if token: fields["existingClickToken"] = token
    return json.dumps(fields)

def client(n):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    i = 0
    while True:
        code = f"aff{(n * 7919 + i) % affiliates}"
        i += 1
        try:
            conn.request("POST", "/api/tracking/click", body(code), headers)
            reply = conn.getresponse()
            data = json.loads(reply.read())
        except Exception:
            return  # the server died: whatever was not answered was not acknowledged
        if reply.status == 200 and data.get("clickToken"):
            with lock: acknowledged.append((code, data["clickToken"]))

if mode == "load":
    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for t in threads: t.start()
    for t in threads: t.join()
    json.dump(acknowledged, open(out, "w"))
else:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    found = 0
    for code, token in json.load(open(out)):
        conn.request("POST", "/api/tracking/click", body(code, token), headers)
        data = json.loads(conn.getresponse().read())
        found += data.get("clickToken") == token and "repeat_click" in data.get("warnings", [])
    total = len(json.load(open(out)))
    print(json.dumps({"acknowledged": total, "found": found, "lost": total - found}))
