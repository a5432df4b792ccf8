#!/usr/bin/env bash
# Where a study's CPU goes (issue 17 item 7): samples 'sciatica-advisor sweep' of the throughput study
# (study-throughput.sh's: a sampled population under three variants, two of them replaying the first's
# fired rules, to Parquet) with perf (cpu-clock, call chains, the runtime's perf map for JIT-compiled
# code) and sorts every sample into one bucket by its call chain: the JIT, the GC, the engine, the
# leader's replays and checks, the followers' replays (validation, rule actions, assembly, invariants),
# classing, reading the cells into columns, Parquet's encoding and compression, the sampler, the kernel.
# Then the methods most often on the stack and most often at its top. Shares of CPU samples hold under
# load better than times do; on a quiet machine they are the figure.
#
#   tests/SciaticaAdvisor.Benchmarks/study-profile.sh                          # 200,000 profiles x 3, the build output
#   tests/SciaticaAdvisor.Benchmarks/study-profile.sh 1000000                  # the target's million
#   TOOL=/path/to/net10.0 tests/SciaticaAdvisor.Benchmarks/study-profile.sh    # another build (main's, say)
#   tests/SciaticaAdvisor.Benchmarks/study-profile.sh 200000 DOTNET_gcServer=1 # with runtime settings
#   KEEP=/some/dir tests/SciaticaAdvisor.Benchmarks/study-profile.sh           # keep perf's samples (samples.txt) there
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

cat > "$work/study.yaml" <<STUDY
name: throughput
population:
  sample: { count: $count, seed: 1 }
variants:
  - name: default
    rules: ["@default"]
  - name: harsh-caution
    rules: ["@default"]
    settings: { cautionPenalty: 30 }
  - name: no-reflexology-up
    rules: ["@default"]
    disable: [tingling-or-numbness-reflexology-up]
STUDY

# The perf map names JIT-compiled methods with their tier; W^X off keeps their code where the map says.
env "$@" DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 \
  perf record -q -F 499 -g -e cpu-clock -o "$work/perf.data" -- \
  dotnet "$TOOL/sciatica-advisor.dll" sweep "$work/study.yaml" --output "$work/out" --shard 1/1 2> "$work/stderr.txt" || {
  cat "$work/stderr.txt" >&2
  exit 1
}
grep -v '^\[ perf record' "$work/stderr.txt" || true
echo "output: $(du -h "$work/out/advice.part-1-of-1.parquet" | cut -f1) of Parquet"
perf script -i "$work/perf.data" -F comm,tid,time,ip,sym,dso 2> /dev/null > "$work/samples.txt"
if [ -n "${KEEP:-}" ]; then
  mkdir -p "$KEEP"
  cp "$work/samples.txt" "$KEEP/"
fi

python3 - "$work/samples.txt" "$root/tests/SciaticaAdvisor.Benchmarks" <<'EOF'
import collections, re, sys

sys.path.insert(0, sys.argv[2])
from perf_samples import managed, read

samples = read(sys.argv[1])


def method(sym):
    # "instance void [Asm] Ns.Type::Method(args)[Tier]" -> "Ns.Type::Method"
    m = re.search(r"([A-Za-z0-9_.`<>+\[\],]+::[A-Za-z0-9_.`<>|$]+)", sym)
    return m.group(1) if m else sym

# The first bucket whose every pattern is on the call chain (anywhere) takes the sample; order matters.
BUCKETS = [
    ("Parquet: Zstandard compression", ["ZstdSharp"]),
    ("Parquet: dictionary building (hashing text)", ["ParquetDictionaryEncoder"]),
    ("Parquet: plain encoding (UTF-8, values)", ["ParquetPlainEncoder"]),
    ("Parquet: RLE/bit-packing (levels, indexes)", ["RleBitpackedHybridEncoder"]),
    ("Parquet: other (statistics, pages, streams)", ["Parquet."]),
    ("engine: NRules matching and actions", ["NRules."]),
    ("follower replay: validation", ["RuleSetInspection::Replay", "Validat"]),
    ("follower replay: invariants", ["RuleSetInspection::Replay", "AdviceInvariants"]),
    ("follower replay: assembly", ["RuleSetInspection::Replay", "AdviceAssembler"]),
    ("follower replay: rule actions", ["RuleSetInspection::Replay", "RuleFiring"]),
    ("follower replay: the rest (sheet, lookups)", ["RuleSetInspection::Replay"]),
    ("follower: trace filter, fault path", ["VariantReplay::AdviseChunk"]),
    ("leader replay of a cached class: assembly", ["CompiledRuleSet::Replay", "AdviceAssembler"]),
    ("leader replay of a cached class: rule actions, sheet", ["CompiledRuleSet::Replay"]),
    ("leader: assembly and invariants after the engine", ["CompiledRuleSet::Checked"]),
    ("leader: classing and cache", ["ProfileClassifier"]),
    ("leader: classing and cache", ["AdviceCache"]),
    ("leader: validation", ["Advisor::AdviseMany", "Validat"]),
    ("leader: the rest of AdviseMany", ["CompiledRuleSet::AdviseMany"]),
    ("cells: reading advice into columns", ["RowBlock::Fill"]),
    ("cells: appending blocks to the row group", ["ColumnBuffer", "Append"]),
    ("cells: rows and outcomes", ["StudyRun::Advise"]),
    ("population: sampler", ["ProfileSampler"]),
    ("run: writer loop, tally, progress", ["Studies."]),
]

def bucket(comm, frames):
    syms = " ".join(s for s, d in frames)
    leaf = frames[0][1] if frames else ""
    if "Tiered Com" in comm:
        return "JIT: tiered compilation thread"
    if any("libclrjit" in d for s, d in frames):
        return "JIT: first calls, dynamic methods"
    if "BGC" in comm or "gc_heap" in syms or "GCHeap" in syms:
        return "GC: collections (mark, plan, sweep, compact)"
    for name, patterns in BUCKETS:
        if all(p in syms for p in patterns):
            return name
    if "kallsyms" in leaf:
        return "kernel: other"
    caller = next((s for s, d in frames if managed(d)), None)
    if caller is None:
        return "runtime, no managed caller (startup, threads)"
    return "managed, elsewhere: " + method(caller)[:60]

counts = collections.Counter()
runtime = collections.Counter()
inclusive = collections.Counter()
leaves = collections.Counter()
start, end = samples[0][1], samples[-1][1]
slices = 5
width = max((end - start) / slices, 1e-9)
by_slice = [collections.Counter() for _ in range(slices)]
for comm, t, frames in samples:
    b = bucket(comm, frames)
    counts[b] += 1
    if frames and "libcoreclr" in frames[0][1]:
        runtime[b] += 1
    by_slice[min(int((t - start) / width), slices - 1)][b] += 1
    if frames:
        leaves[method(frames[0][0]) if managed(frames[0][1]) else frames[0][0][:70] + " (" + frames[0][1].split("/")[-1] + ")"] += 1
    for name in {method(s) for s, d in frames if managed(d)}:
        inclusive[name] += 1

n = len(samples)
print(f"\n{n} samples at 499 Hz over {end - start:.1f} s of wall time")
print("runtime: of the bucket's samples, those in the runtime's own code (allocation, the GC it triggers, write barriers, casts)")
print(f"{'bucket':60s} {'share':>6s} {'runtime':>8s}  " + " ".join(f"{'slice ' + str(i + 1):>8s}" for i in range(slices)))
for k, _ in counts.most_common(45):
    cells = " ".join(f"{100 * s[k] / max(sum(s.values()), 1):7.1f}%" for s in by_slice)
    print(f"{k[:60]:60s} {100 * counts[k] / n:5.1f}% {100 * runtime[k] / counts[k]:7.0f}%  {cells}")
print("\nmethods on the stack (inclusive share)")
for k, v in inclusive.most_common(45):
    print(f"  {100 * v / n:5.1f}%  {k[:110]}")
print("\nat the top of the stack (self share)")
for k, v in leaves.most_common(30):
    print(f"  {100 * v / n:5.1f}%  {k[:110]}")
EOF
