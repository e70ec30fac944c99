"""Writes one `## heading` section of BENCHMARKS.md, replacing the section of that heading or appending it, so each
benchmark script owns its section and leaves the others alone."""


def replace_section(heading, section, path="BENCHMARKS.md"):
    section = section.rstrip("\n") + "\n"
    try:
        text = open(path).read()
    except FileNotFoundError:
        text = "# Benchmarks\n\nFigures from the scripts in `tools/bench/`. Machines are shared and noisy: medians and ratios matter, not single numbers.\n"
    start = text.find(f"## {heading}")
    if start >= 0:
        end = text.find("\n## ", start + 1)
        rest = text[end + 1:] if end >= 0 else ""
        text = text[:start] + section + ("\n" + rest if rest else "")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    open(path, "w").write(text)
