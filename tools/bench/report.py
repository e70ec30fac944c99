"""Turns bench_run lines into a BENCHMARKS.md section: medians per endpoint and ratios against the first one, of
requests/s and of the server's CPU time per request, with the bytes it had written to disk per request. BASELINES_JSON, when given, names each endpoint's own baseline
instead (endpoints it leaves out are their own).

    report.py RESULTS HEADING INTRO ENDPOINT_LABELS_JSON [BASELINES_JSON]
"""
import datetime, json, re, statistics, subprocess, sys

from benchmarks_md import replace_section

path, heading, intro, labels = sys.argv[1], sys.argv[2], sys.argv[3], json.loads(sys.argv[4])
def ms(text):
    value, unit = re.match(r"([\d.]+)(us|ms|s)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
runs = {}
for line in open(path):
    name, rps, p50, p99, bad, cpu, disk = line.split()
    if int(bad): sys.exit(f"{name}: {bad} non-2xx responses")
    runs.setdefault(name, []).append((float(rps), ms(p50), ms(p99), float(cpu), float(disk)))
med = {n: tuple(statistics.median(r[i] for r in rs) for i in range(5)) for n, rs in runs.items()}
first = next(iter(med))
baselines = json.loads(sys.argv[5]) if len(sys.argv) > 5 else {n: first for n in med}
against = f"`{labels[first]}`" if len(sys.argv) <= 5 else "its baseline"
machine = subprocess.run(["sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"], capture_output=True, text=True).stdout.strip()
cores = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
rows = "\n".join(
    f"| `{labels[n]}` | {m[0]:,.0f} | {m[1]:.2f} | {m[2]:.2f} | {m[0] / med[b][0]:.2f} | {m[3]:,.0f} | {m[3] / med[b][3]:.2f} | {m[4] / 1024:,.1f} |"
    for n, m in med.items() for b in [baselines.get(n, n)])
section = f"""## {heading}

{intro.format(date=datetime.date.today(), cpu=machine, cores=cores)}

| endpoint | requests/s | p50 ms | p99 ms | ratio to {against} | server CPU µs per request | CPU ÷ {against} | disk KB written per request |
|---|---:|---:|---:|---:|---:|---:|---:|
{rows}
"""
replace_section(heading, section)
print(section)
