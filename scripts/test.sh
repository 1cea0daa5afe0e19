#!/usr/bin/env bash
# Runs every test on a fresh machine: installs what the tests need, builds, tests,
# and ends with one line "N passed, N failed" (", N skipped" when any were skipped) read from the TRX results.
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/apt-need.sh
# The dev host's browser tests drive Debian's Chromium (Playwright's own download is not available).
apt_need chromium chromium "browser tests will fail"
# The GitLab Code Quality filter of docs/ci.md is tested with jq.
apt_need jq jq "the GitLab filter tests will be skipped"
# The VS Code extension's test runs scripts/build-vscode.sh (npm ci, tsc, node --test, esbuild, vsce; unzip checks the .vsix);
# the dev host's runtime modules have node --test tests of their own (tests/runtime).
apt_need node nodejs "the VS Code extension and dev host runtime tests will be skipped"
apt_need npm npm "the VS Code extension tests will be skipped"
apt_need unzip unzip "the VS Code extension tests will fail"
# pack compresses with libdeflate when the system has it (src/KommoWidgetKit/Packaging/Deflater.cs).
apt_need "/usr/lib/$(uname -m)-linux-gnu/libdeflate.so.0" libdeflate0 "pack uses zlib-ng (larger archives) and the libdeflate tests are skipped"

results="TestResults"
rm -rf "$results"
status=0
dotnet build KommoWidgetKit.slnx -c Release -nologo -v q || exit $?
# One run per test project, each with its own TRX file, so no two results can overwrite each other.
for project in tests/*/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  dotnet test "$project" -c Release --no-build --logger "trx;LogFileName=$name.trx" --results-directory "$results" "$@" || status=$?
done

passed=0; failed=0; skipped=0; files=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  # A skipped xunit test is a UnitTestResult with outcome="NotExecuted"; the logger leaves Counters' notExecuted at 0
  # (it counts them only in total, not in executed), so count the results themselves.
  s=$({ grep -o '<UnitTestResult [^>]*outcome="NotExecuted"' "$trx" || true; } | wc -l)
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${s:-0}))
done
if [ "$files" = "0" ]; then
  echo "no test results were written" >&2
  [ "$status" = "0" ] && status=1
fi
if [ "$skipped" != "0" ]; then
  echo "Skipped tests: the corpus tests run with KOMMO_WIDGET_CORPUS=/path/to/corpus, or with shared/ (holding corpus/) beside the checkout; the GitLab filter tests need jq; the VS Code extension and TypeScript project tests need Node.js and npm, the dev host runtime tests Node.js."
  echo "${passed} passed, ${failed} failed, ${skipped} skipped"
else
  echo "${passed} passed, ${failed} failed"
fi
if [ "$passed" = "0" ] && [ "$status" = "0" ]; then status=1; fi
exit "$status"
