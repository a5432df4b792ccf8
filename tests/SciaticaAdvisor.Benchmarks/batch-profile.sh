#!/usr/bin/env bash
# Where a batch's CPU goes (issue 18 items 2 and 4): samples 'sciatica-advisor batch' with perf
# (cpu-clock, call chains, the runtime's perf map for JIT-compiled code) and sorts every sample into
# one bucket: JIT compiling (the tiered-compilation thread, or a first call), code still in an early
# tier (tier 0, PGO-instrumented) and the runtime helpers it calls, optimized code and the helpers it
# calls, the gen0 collections batch asks for, the run record's hash, the kernel. Prints the shares of
# the whole run, then by slice of the run, so it shows when the hot code reached tier 1.
# Shares of CPU samples hold under load better than times do; on a quiet machine they are the figure.
#
#   tests/SciaticaAdvisor.Benchmarks/batch-profile.sh                       # 200,000 profiles, the build output
#   tests/SciaticaAdvisor.Benchmarks/batch-profile.sh 1000000               # a million
#   TOOL=/path/to/publish tests/SciaticaAdvisor.Benchmarks/batch-profile.sh # another build (a ReadyToRun publish)
#   tests/SciaticaAdvisor.Benchmarks/batch-profile.sh 200000 DOTNET_TieredPGO=0   # with runtime settings
#
# Needs perf (user-space sampling of one's own process is allowed at perf_event_paranoid 2) and python3.
set -euo pipefail

count="${1:-200000}"
shift || true
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ -z "${TOOL:-}" ]; then
  dotnet build "$root/src/SciaticaAdvisor.Cli" -c Release --nologo -v quiet > /dev/null
  TOOL="$root/src/SciaticaAdvisor.Cli/bin/Release/net10.0"
fi

dotnet "$TOOL/sciatica-advisor.dll" sample --count "$count" --seed 1 --output "$work/profiles.jsonl"

# The perf map names JIT-compiled methods with their tier; W^X off keeps their code where the map says.
env "$@" DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 SCIATICA_BATCH_STATS=1 \
  perf record -q -F 499 -g -e cpu-clock -o "$work/perf.data" -- \
  dotnet "$TOOL/sciatica-advisor.dll" batch --input "$work/profiles.jsonl" --output "$work/advice.jsonl" 2> "$work/stderr.txt" || {
  cat "$work/stderr.txt" >&2
  exit 1
}
grep -v '^\[ perf record' "$work/stderr.txt" || true
echo "output: $(wc -l < "$work/advice.jsonl") lines, sha256 $(sha256sum "$work/advice.jsonl" | cut -c1-16)..."
perf script -i "$work/perf.data" -F comm,tid,time,ip,sym,dso 2> /dev/null > "$work/samples.txt"

python3 - "$work/samples.txt" "$root/tests/SciaticaAdvisor.Benchmarks" <<'EOF'
import collections, re, sys

sys.path.insert(0, sys.argv[2])
from perf_samples import managed, read

samples = read(sys.argv[1])


def tier(sym):
    t = re.findall(r"\[([A-Za-z0-9]+)\]$", sym)
    return t[0] if t else "R2R"

EARLY = ("QuickJitted", "InstrumentedTier", "InstrumentedTierOptimized", "OptimizedTier1OSR")

def bucket(comm, frames):
    syms = " ".join(s for s, d in frames)
    leaf = frames[0][1] if frames else ""
    if "Tiered Com" in comm:
        return "JIT: tiered compilation thread"
    if any("libclrjit" in d for s, d in frames):
        return "JIT: first calls, dynamic methods"
    if "YoungGenerationBound" in syms or "System.GC::Collect" in syms:
        return "GC: gen0 collections batch asks for"
    if "BGC" in comm:
        return "GC: background thread"
    if "XxHash" in syms or "libcrypto" in leaf:
        return "run record's hash"
    if "kallsyms" in leaf:
        return "kernel: writes" if "RandomAccess" in syms or "WriteAtOffset" in syms else "kernel: other"
    if managed(leaf):
        return "code in an early tier (tier 0, instrumented)" if tier(frames[0][0]) in EARLY else "code optimized (tier 1, FullOpts, ReadyToRun)"
    caller = next((s for s, d in frames if managed(d)), None)
    if caller is None:
        return "runtime, no managed caller (startup, GC threads)"
    if tier(caller) in EARLY:
        return "runtime helpers called from early-tier code (PGO probes, stubs)"
    return "runtime helpers called from optimized code (allocation, casts, GC)"

counts = collections.Counter()
start, end = samples[0][1], samples[-1][1]
slices = 5
width = max((end - start) / slices, 1e-9)
by_slice = [collections.Counter() for _ in range(slices)]
for comm, t, frames in samples:
    b = bucket(comm, frames)
    counts[b] += 1
    by_slice[min(int((t - start) / width), slices - 1)][b] += 1

n = len(samples)
print(f"\n{n} samples at 499 Hz over {end - start:.1f} s of wall time")
names = [k for k, _ in counts.most_common()]
print(f"{'bucket':66s} {'share':>6s}  " + " ".join(f"{'slice ' + str(i + 1):>8s}" for i in range(slices)))
for k in names:
    cells = " ".join(f"{100 * s[k] / max(sum(s.values()), 1):7.1f}%" for s in by_slice)
    print(f"{k:66s} {100 * counts[k] / n:5.1f}%  {cells}")
# The warmed-up phase (the last three fifths) by where its samples are: each sample goes to the
# type of its first frame of the project's or NRules' code from the leaf up (what that code spent,
# runtime helpers and framework calls included), and separately by its leaf method (self time).
late = [(comm, frames) for comm, t, frames in samples if t >= start + 2 * width]

def owner(comm, frames):
    if "Tiered Com" in comm:
        return "(JIT thread)"
    for sym, dso in frames:
        found = re.search(r"((?:SciaticaAdvisor|NRules)[^:\s(\[]*)::", sym) or re.search(r"(dynamicClass)::", sym)
        if found:
            return found.group(1)
    return "(no project frame: " + (frames[-1][0].split("(")[0][:50] if frames else "?") + ")"

def leaf(frames):
    return (frames[0][0].split("(")[0][:90] + "  [" + frames[0][1].rsplit("/", 1)[-1][:24] + "]") if frames else "?"

if late:
    m = len(late)
    print(f"\nthe last three fifths, {m} samples, by the first project or NRules type from the leaf up:")
    for k, c in collections.Counter(owner(cm, fr) for cm, fr in late).most_common(40):
        print(f"  {100 * c / m:5.1f}%  {k}")
    print("\nthe same samples by leaf method (self):")
    for k, c in collections.Counter(leaf(fr) for cm, fr in late).most_common(40):
        print(f"  {100 * c / m:5.1f}%  {k}")
EOF
