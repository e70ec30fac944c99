"""Writes COUNT signed S2S requests ("<signature>\t<body>" per line), each with its own externalEventId."""
import hashlib, hmac, json, random, sys, time

out, secret, count, affiliates = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
now, run = int(time.time()), random.getrandbits(32)
with open(out, "w") as file:
    for n in range(count):
        body = json.dumps({"externalEventId": f"bench-{run}-{n}", "affiliateSlug": f"aff{n % affiliates}", "amountCents": 4_900 + n % 5_000,
                           "currency": "USD", "customerId": f"cus_{n}"}, separators=(",", ":"))
        signature = hmac.new(secret.encode(), f"{now}.{body}".encode(), hashlib.sha256).hexdigest()
        file.write(f"t={now},sig={signature}\t{body}\n")
