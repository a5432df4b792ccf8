#!/usr/bin/env bash
# Service throughput and time to ready (issue 16): starts 'sciatica-advisor serve' from the Release
# build on a free loopback port, measures the time from launch until GET /health/ready answers 200,
# drives POST /advice and the CDS Hooks service (a prefetch Bundle, as an EHR sends it) with a
# bounded number of requests at a bounded concurrency (the .NET load client ServiceLoad/service-load.cs,
# nothing else to install), prints requests/s and latency p50/p99 for each and the server's peak RSS,
# then stops the server with SIGTERM and checks that it exits 0. Loopback only, anonymous (serve's
# default). Run it on a quiet machine; the figures go in docs/performance.md.
#
#   tests/SciaticaAdvisor.Benchmarks/service-throughput.sh           # 20,000 requests per endpoint, 16 at a time
#   tests/SciaticaAdvisor.Benchmarks/service-throughput.sh 300 4     # a quick check that it works
set -euo pipefail

requests="${1:-20000}"
concurrency="${2:-16}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$(mktemp -d)"
server=""

stop_server() {
  if [[ -n "$server" ]] && kill -0 "$server" 2> /dev/null; then
    kill -TERM "$server"
    wait "$server" || true
  fi
  server=""
}
trap 'stop_server; rm -rf "$work"' EXIT

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# Build everything first, so neither build competes with the server for the CPU.
dotnet build "$root/src/SciaticaAdvisor.Cli" -c Release --nologo -v quiet > /dev/null
dotnet build "$here/ServiceLoad/service-load.cs" -c Release --nologo -v quiet > /dev/null
tool="$root/src/SciaticaAdvisor.Cli/bin/Release/net10.0/sciatica-advisor.dll"

# A free port: one nothing answers on.
port=""
for _ in $(seq 1 50); do
  candidate=$(( 20000 + RANDOM % 40000 ))
  if ! (exec 3<> "/dev/tcp/127.0.0.1/$candidate") 2> /dev/null; then
    port="$candidate"
    break
  fi
done
[[ -n "$port" ]] || { echo "no free loopback port found" >&2; exit 1; }
url="http://127.0.0.1:$port"

# 'dotnet tool.dll' runs the app in this very process, so its pid is the server's (for RSS and SIGTERM).
cd "$work"
start=$(now_ms)
dotnet "$tool" serve --urls "$url" > "$work/serve.log" 2>&1 &
server=$!
ready=""
while (( $(now_ms) - start < 60000 )); do
  if curl -fs -o /dev/null --max-time 1 "$url/health/ready"; then
    ready=$(( $(now_ms) - start ))
    break
  fi
  kill -0 "$server" 2> /dev/null || break
  sleep 0.01
done
if [[ -z "$ready" ]]; then
  echo "serve was not ready within 60 s:" >&2
  cat "$work/serve.log" >&2
  exit 1
fi
echo "time to ready: $ready ms (launch to the first 200 from /health/ready, polled every ~10 ms)"
curl -fs "$url/health/ready"; echo

dotnet run --no-build -c Release "$here/ServiceLoad/service-load.cs" -- "$url/" "$requests" "$concurrency" \
  "$root/samples/profiles/piriformis.json" "$root/tests/SciaticaAdvisor.Fhir.Tests/TestData/ehr-searchset.json"

rss_kb=$(awk '/^VmHWM:/ { print $2 }' "/proc/$server/status")
echo "peak RSS of serve: $(( rss_kb / 1024 )) MB"

stopping=$(now_ms)
kill -TERM "$server"
code=0
wait "$server" || code=$?
server=""
echo "stopped on SIGTERM in $(( $(now_ms) - stopping )) ms, exit code $code"
if (( code != 0 )); then
  cat "$work/serve.log" >&2
  exit 1
fi
