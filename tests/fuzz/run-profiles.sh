#!/usr/bin/env bash
# Long fuzz run over profiles (and optionally rule files), outside xunit.
#   tests/fuzz/run-profiles.sh [N] [more fuzzer options]
#   tests/fuzz/run-profiles.sh 1000000 --rules-files 2000 --seed 7
# N is the number of profile inputs (default 1,000,000). Exits non-zero on any crash or broken promise.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
count="${1:-1000000}"
if [[ $# -gt 0 ]]; then shift; fi
dotnet build "$root/tests/SciaticaAdvisor.Fuzz/SciaticaAdvisor.Fuzz.csproj" -c Release --nologo -v quiet >&2
exec dotnet "$root/tests/SciaticaAdvisor.Fuzz/bin/Release/net10.0/SciaticaAdvisor.Fuzz.dll" --profiles "$count" "$@"
