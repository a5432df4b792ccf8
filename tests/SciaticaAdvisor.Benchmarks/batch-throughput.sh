#!/usr/bin/env bash
# Batch throughput (issue 18 item 4): 'sciatica-advisor batch' over COUNT profiles (default 1,000,000)
# drawn by 'sample --seed 1', written to a file. Prints profiles a second, cores busy ((user + sys) /
# wall) and peak RSS (from GNU time), against the targets: >= 100,000/s, >= 1.8 cores, <= 150 MB.
# Run it on a quiet machine; the figures go in docs/performance.md.
#
#   tests/SciaticaAdvisor.Benchmarks/batch-throughput.sh             # 1,000,000 profiles
#   tests/SciaticaAdvisor.Benchmarks/batch-throughput.sh 20000       # a quick check that it works
#   OUT=/dev/null tests/SciaticaAdvisor.Benchmarks/batch-throughput.sh   # without the file system's cost
#   TOOL=/tmp/r2r tests/SciaticaAdvisor.Benchmarks/batch-throughput.sh    # another build: here a ReadyToRun publish,
#                                 # dotnet publish src/SciaticaAdvisor.Cli -c Release -r linux-x64 -p:PublishSelfContained=false -o /tmp/r2r
#                                 # (what the tool package ships; without the property, the self-contained composite publish)
#   DOTNET_TieredPGO=0 tests/SciaticaAdvisor.Benchmarks/batch-throughput.sh   # runtime settings pass through the environment
set -euo pipefail

count="${1:-1000000}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
out="${OUT:-$work/advice.jsonl}"

if [ -n "${TOOL:-}" ] && [ -x "$TOOL/sciatica-advisor" ]; then
  # A publish runs through its own host: a self-contained one (the default platform publish) must,
  # as 'dotnet x.dll' would run its assemblies on the shared runtime.
  tool=("$TOOL/sciatica-advisor")
elif [ -n "${TOOL:-}" ]; then
  tool=(dotnet "$TOOL/sciatica-advisor.dll")
else
  dotnet build "$root/src/SciaticaAdvisor.Cli" -c Release --nologo -v quiet > /dev/null
  tool=(dotnet "$root/src/SciaticaAdvisor.Cli/bin/Release/net10.0/sciatica-advisor.dll")
fi

"${tool[@]}" sample --count "$count" --seed 1 --output "$work/profiles.jsonl"

# SCIATICA_BATCH_STATS=1: batch adds a line of counts to its summary (chunks the writer waited for,
# the reader's waits, gen0 collections asked for, advice JSON copied from the memo, the heap, the
# bytes allocated, the methods JIT-compiled and the JIT's time).
SCIATICA_BATCH_STATS=1 /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" \
  "${tool[@]}" batch --input "$work/profiles.jsonl" --output "$out" 2> "$work/stderr.txt" || {
  cat "$work/stderr.txt" >&2
  exit 1
}
cat "$work/stderr.txt"

read -r wall user sys rss_kb < "$work/time.txt"
echo "profiles: $count  wall: ${wall} s  user: ${user} s  sys: ${sys} s"
awk -v n="$count" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss_kb" 'BEGIN {
  printf "profiles/s: %.0f  cores busy: %.2f  peak RSS: %.1f MB\n", n / w, (u + s) / w, r / 1024
}'
if [ "$out" != /dev/null ]; then
  echo "output: $(wc -l < "$out") lines, sha256 $(sha256sum "$out" | cut -c1-16)..."
fi
