"""Seeds the tracking benchmark: a program on shop.example with 1,000 Approved affiliates aff0…aff999, and a
signing secret. Prints the program id and the secret."""
import http.client, json, sys

port, key, count = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
conn = http.client.HTTPConnection("127.0.0.1", port)
def call(method, path, body, token):
    conn.request(method, path, json.dumps(body), {"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    reply = conn.getresponse()
    data = reply.read()
    if reply.status >= 300: sys.exit(f"{method} {path}: {reply.status} {data!r}")
    return json.loads(data)
program = call("POST", "/api/v1/programs", {"name": "Bench", "slug": "bench", "defaultCommissionValue": 20, "websiteDomain": "shop.example"}, key)["id"]
for n in range(count):
    call("POST", "/api/v1/affiliates", {"programId": program, "email": f"aff{n}@example.com", "status": "Approved", "customAlias": f"aff{n}"}, key)
secret = call("POST", "/admin/tenants/bench/signing-secrets", {}, "bench")["secret"]
print(program, secret)
