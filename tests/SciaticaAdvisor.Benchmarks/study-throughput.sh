#!/usr/bin/env bash
# Study throughput (issue 17 item 7): a sampled population of COUNT profiles (default 1,000,000) under
# three rule-set variants, written to Parquet by 'sciatica-advisor sweep'. Prints the wall time, rows a
# second and peak RSS (from GNU time). Run it on a quiet machine; the figures go in docs/performance.md.
#
#   tests/SciaticaAdvisor.Benchmarks/study-throughput.sh            # 1,000,000 profiles x 3 variants
#   tests/SciaticaAdvisor.Benchmarks/study-throughput.sh 20000      # a quick check that it works
#   TOOL=/other/clone/src/SciaticaAdvisor.Cli/bin/Release/net10.0 tests/SciaticaAdvisor.Benchmarks/study-throughput.sh
#                                                                   # another build (main's, say), not built here
#   KEEP=/some/dir tests/SciaticaAdvisor.Benchmarks/study-throughput.sh 20000   # keep the Parquet file there
set -euo pipefail

count="${1:-1000000}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ -z "${TOOL:-}" ]; then
  dotnet build "$root/src/SciaticaAdvisor.Cli" -c Release --nologo -v quiet > /dev/null
  TOOL="$root/src/SciaticaAdvisor.Cli/bin/Release/net10.0"
fi
tool="$TOOL/sciatica-advisor.dll"

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

# The rows alone, as the target is stated (--shard 1/1 writes no summary or charts).
/usr/bin/time -v -o "$work/time.txt" dotnet "$tool" sweep "$work/study.yaml" --output "$work/out" --shard 1/1 2> "$work/stderr.txt"
cat "$work/stderr.txt"

wall=$(grep 'Elapsed (wall clock)' "$work/time.txt" | awk '{print $NF}')
seconds=$(echo "$wall" | awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
rss_kb=$(grep 'Maximum resident set size' "$work/time.txt" | awk '{print $NF}')
cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.1f", s }' "$work/time.txt")
rows=$((count * 3))
echo "profiles: $count  variants: 3  rows: $rows"
echo "wall: ${seconds} s  rows/s: $(awk -v r="$rows" -v s="$seconds" 'BEGIN { printf "%.0f", r / s }')  peak RSS: $((rss_kb / 1024)) MB"
echo "cpu (user + sys): ${cpu} s  cores busy: $(awk -v c="$cpu" -v s="$seconds" 'BEGIN { printf "%.2f", c / s }')"
echo "parquet: $(du -h "$work/out/advice.part-1-of-1.parquet" | cut -f1)"
if [ -n "${KEEP:-}" ]; then
  mkdir -p "$KEEP"
  cp "$work/out/advice.part-1-of-1.parquet" "$KEEP/"
  echo "kept: $KEEP/advice.part-1-of-1.parquet"
fi
