#!/usr/bin/env bash
# Cold start of a one-profile `advise`, the way users get the tool:
#   tool     - `dotnet tool install` from the package `dotnet pack src/SciaticaAdvisor.Cli` makes
#              (on a platform it has a package for, that package is precompiled ReadyToRun)
#   publish  - `dotnet publish src/SciaticaAdvisor.Cli -c Release -r RID` (ReadyToRun)
#   build    - the Release build output run with `dotnet`, JIT only, for reference
# It packs the tool for RID only (-p:ToolPlatform=RID: the pointer package and RID's precompiled
# package, a few minutes; ALL_PLATFORMS=1 packs all seven as a release does, about 20 minutes, and
# checks that layout), installs it into a temporary folder from that folder as a package source,
# then runs `advise` RUNS times each way, the ways alternated so a change in the machine's load hits
# them alike, and prints the median and the range of the wall time and of the CPU time (user + sys)
# in milliseconds. Each run is a new process; the files are in the OS cache after the first run.
#
#   tests/SciaticaAdvisor.Benchmarks/cold-start.sh [RUNS=21] [RID=linux-x64]
#
# AOT=1 adds two ways, each a Native AOT compile of its own (about 3 minutes idle, 15 under load):
#   aot      - `dotnet publish src/SciaticaAdvisor.Cli -c Release -r RID -p:PublishAot=true`
#   aottool  - `dotnet tool install` of a package whose RID package is that native executable
#              (`dotnet pack -r RID -p:PublishAot=true` over the pointer package of a version of its own)
#
# Targets (issue 18): tool <= 250 ms, publish <= 150 ms wall, on an idle machine. On a loaded one
# only the CPU times compare, as ratios.
set -euo pipefail

runs=${1:-21}
rid=${2:-linux-x64}
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/sciatica-cold-start.XXXXXX")"
trap 'rm -rf "$work"' EXIT
profile="$repo/samples/profiles/piriformis.json"
# A version no earlier run used, so no NuGet cache hands back an older package.
version="0.0.0-coldstart.$(date -u +%Y%m%d%H%M%S)"

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
cd "$repo"

if [ "${ALL_PLATFORMS:-0}" = 1 ]; then
  platforms=(linux-x64 linux-arm64 linux-musl-x64 win-x64 osx-arm64 osx-x64 any)
  echo "packing $version for every platform (seven publishes: this takes a while)" >&2
  dotnet pack src/SciaticaAdvisor.Cli -c Release -o "$work/packages" -p:PackageVersion="$version" > "$work/pack.log" 2>&1 \
    || { tail -n 30 "$work/pack.log" >&2; exit 1; }
else
  platforms=("$rid")
  echo "packing $version for $rid alone" >&2
  dotnet pack src/SciaticaAdvisor.Cli -c Release -o "$work/packages" -p:PackageVersion="$version" -p:ToolPlatform="$rid" > "$work/pack.log" 2>&1 \
    || { tail -n 30 "$work/pack.log" >&2; exit 1; }
fi
dotnet publish src/SciaticaAdvisor.Cli -c Release -r "$rid" -o "$work/publish" > "$work/publish.log" 2>&1 \
  || { tail -n 30 "$work/publish.log" >&2; exit 1; }
if [ "${AOT:-0}" = 1 ]; then
  echo "publishing and packing $rid as Native AOT" >&2
  dotnet publish src/SciaticaAdvisor.Cli -c Release -r "$rid" -p:PublishAot=true -o "$work/aot" > "$work/aot.log" 2>&1 \
    || { tail -n 30 "$work/aot.log" >&2; exit 1; }
  # The pointer package of a version of its own, then its RID package replaced by the native one.
  dotnet pack src/SciaticaAdvisor.Cli -c Release -o "$work/aot-packages" -p:PackageVersion="$version-aot" -p:ToolPlatform="$rid" > "$work/aot-pack.log" 2>&1 \
    || { tail -n 30 "$work/aot-pack.log" >&2; exit 1; }
  dotnet pack src/SciaticaAdvisor.Cli -c Release -r "$rid" -o "$work/aot-packages" -p:PackageVersion="$version-aot" -p:ToolPlatform="$rid" -p:PublishAot=true > "$work/aot-pack.log" 2>&1 \
    || { tail -n 30 "$work/aot-pack.log" >&2; exit 1; }
  dotnet tool install --tool-path "$work/aottool" --add-source "$work/aot-packages" --version "$version-aot" SciaticaAdvisor.Cli > "$work/aot-install.log" 2>&1 \
    || { cat "$work/aot-install.log" >&2; exit 1; }
  [ -n "$(find "$work/aottool/.store" -name sciatica-advisor -type f -perm -u+x)" ] \
    || { echo "the AOT tool package installed no native sciatica-advisor" >&2; exit 1; }
fi
dotnet build src/SciaticaAdvisor.Cli -c Release > "$work/build.log" 2>&1 \
  || { tail -n 30 "$work/build.log" >&2; exit 1; }

# The layout: the package users install points at one package per platform (and 'any').
outer="$work/packages/SciaticaAdvisor.Cli.$version.nupkg"
settings=$(unzip -p "$outer" 'tools/*/any/DotnetToolSettings.xml')
for platform in "${platforms[@]}"; do
  grep -q "RuntimeIdentifier=\"$platform\"" <<< "$settings" \
    || { echo "SciaticaAdvisor.Cli does not point at a package for $platform:" >&2; echo "$settings" >&2; exit 1; }
  [ -f "$work/packages/SciaticaAdvisor.Cli.$platform.$version.nupkg" ] \
    || { echo "no package SciaticaAdvisor.Cli.$platform.$version.nupkg" >&2; exit 1; }
done

dotnet tool install --tool-path "$work/tool" --add-source "$work/packages" --version "$version" SciaticaAdvisor.Cli > "$work/install.log" 2>&1 \
  || { cat "$work/install.log" >&2; exit 1; }

# ReadyToRun images carry the signature "RTR" in their ReadyToRun header; IL-only assemblies do not.
is_r2r() { LC_ALL=C grep -qaP 'RTR\x00' "$1"; }
installed=$(find "$work/tool/.store" -name sciatica-advisor.dll | head -n 1)
for assembly in sciatica-advisor.dll SciaticaAdvisor.dll NRules.dll YamlDotNet.dll; do
  file="$(dirname "$installed")/$assembly"
  if [ "$rid" = "$(dotnet --info | sed -n 's/^ *RID: *//p' | head -n 1)" ] && ! is_r2r "$file"; then
    echo "the installed $assembly is not precompiled (ReadyToRun)" >&2
    exit 1
  fi
  printf '%-24s installed %8d bytes, build output %8d bytes\n' "$assembly" "$(stat -c %s "$file")" \
    "$(stat -c %s "src/SciaticaAdvisor.Cli/bin/Release/net10.0/$assembly")" >&2
done

run_tool_out() { "$work/tool/sciatica-advisor" advise "$profile"; }
run_publish_out() { "$work/publish/sciatica-advisor" advise "$profile"; }
run_build_out() { dotnet src/SciaticaAdvisor.Cli/bin/Release/net10.0/sciatica-advisor.dll advise "$profile"; }
run_tool() { "$work/tool/sciatica-advisor" advise "$profile" > /dev/null; }
run_publish() { "$work/publish/sciatica-advisor" advise "$profile" > /dev/null; }
run_aot_out() { "$work/aot/sciatica-advisor" advise "$profile"; }
run_aottool_out() { "$work/aottool/sciatica-advisor" advise "$profile"; }
run_aot() { "$work/aot/sciatica-advisor" advise "$profile" > /dev/null; }
run_aottool() { "$work/aottool/sciatica-advisor" advise "$profile" > /dev/null; }
timed_aot() { /usr/bin/time -f '%U %S' -o "$work/cpu" "$work/aot/sciatica-advisor" advise "$profile" > /dev/null; }
timed_aottool() { /usr/bin/time -f '%U %S' -o "$work/cpu" "$work/aottool/sciatica-advisor" advise "$profile" > /dev/null; }
run_build() { dotnet src/SciaticaAdvisor.Cli/bin/Release/net10.0/sciatica-advisor.dll advise "$profile" > /dev/null; }
# The same under /usr/bin/time, which writes the run's user + sys CPU seconds to $work/cpu.
timed_tool() { /usr/bin/time -f '%U %S' -o "$work/cpu" "$work/tool/sciatica-advisor" advise "$profile" > /dev/null; }
timed_publish() { /usr/bin/time -f '%U %S' -o "$work/cpu" "$work/publish/sciatica-advisor" advise "$profile" > /dev/null; }
timed_build() { /usr/bin/time -f '%U %S' -o "$work/cpu" dotnet src/SciaticaAdvisor.Cli/bin/Release/net10.0/sciatica-advisor.dll advise "$profile" > /dev/null; }

# Same advice every way, before anything is timed.
ways=(tool publish build)
[ "${AOT:-0}" = 1 ] && ways+=(aot aottool)
expected=$(run_build_out | sha256sum)
for way in "${ways[@]}"; do
  [ "$("run_${way}_out" | sha256sum)" = "$expected" ] || { echo "the $way advice differs from the build output's" >&2; exit 1; }
done

for way in "${ways[@]}"; do
  "run_$way"  # once untimed: the files into the OS cache
  : > "$work/$way.ms"
  : > "$work/$way.cpu"
done
for ((i = 0; i < runs; i++)); do
  for way in "${ways[@]}"; do
    start=$EPOCHREALTIME
    "run_$way"
    end=$EPOCHREALTIME
    echo $(((${end/./} - ${start/./}) / 1000)) >> "$work/$way.ms"
  done
done
# CPU time in runs of their own, after the wall times: /usr/bin/time adds a process to each run.
for ((i = 0; i < runs; i++)); do
  for way in "${ways[@]}"; do
    "timed_$way"
    awk '{ printf "%d\n", ($1 + $2) * 1000 }' "$work/cpu" >> "$work/$way.cpu"
  done
done

median() { sort -n "$1" | sed -n "$(((runs + 1) / 2))p"; }
echo "cold 'advise', $runs runs each, load average $(cut -d ' ' -f 1-3 /proc/loadavg):"
for way in "${ways[@]}"; do
  printf '  %-8s wall median %4d ms (min %d, max %d)   cpu median %4d ms (min %d, max %d)\n' "$way" \
    "$(median "$work/$way.ms")" "$(sort -n "$work/$way.ms" | head -n 1)" "$(sort -n "$work/$way.ms" | tail -n 1)" \
    "$(median "$work/$way.cpu")" "$(sort -n "$work/$way.cpu" | head -n 1)" "$(sort -n "$work/$way.cpu" | tail -n 1)"
done
