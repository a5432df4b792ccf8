"""Reads the output of `perf script -F comm,tid,time,ip,sym,dso` for batch-profile.sh and study-profile.sh."""
import re
import sys


def read(path):
    """Every sample as [thread, time in seconds, [(symbol, dso), ...] leaf first]; exits when there are none."""
    samples, cur = [], None
    for line in open(path, errors="replace"):
        if not line.strip():
            if cur:
                samples.append(cur)
            cur = None
            continue
        if not line[0].isspace():
            head = line.split()
            cur = [" ".join(head[:-2]), float(head[-1].rstrip(":")), []]
            continue
        m = re.match(r"\s*([0-9a-f]+) (.*) \((.*)\)$", line.rstrip())
        if m and cur is not None:
            cur[2].append((m.group(2), m.group(3)))
    if cur:
        samples.append(cur)
    if not samples:
        sys.exit("no samples")
    return samples


def managed(dso):
    """Whether a frame is managed code (JIT-compiled, in the perf map, or ReadyToRun)."""
    return "perf-" in dso or "[JIT]" in dso or dso.endswith(".dll")
