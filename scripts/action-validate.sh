#!/usr/bin/env bash
# The validation step of the GitHub Action (action.yml), kept here so it can be run and tested locally exactly as the
# action runs it:
#
#   INPUT_PATH=samples/hello-kommo INPUT_SARIF=out.sarif bash scripts/action-validate.sh
#
# Inputs (environment; empty means the default):
#   INPUT_PATH      widget folder or .zip (default .)
#   INPUT_PLATFORM  kommo or amocrm (default: kommo-widget.json, else inferred)
#   INPUT_PROFILE   private or public (default: kommo-widget.json, else private)
#   INPUT_FAIL_ON   error, warning or info: findings at or above it fail the step (default error)
#   INPUT_SARIF     the SARIF file to write (default kommo-widget.sarif)
#   KOMMO_WIDGET    the command to run (default kommo-widget, from PATH)
#   GITHUB_OUTPUT   when set, gets sarif-file=… and exit-code=…
#
# Validates twice: with --format github (annotations on the pull request, in the log) and with --format sarif into
# INPUT_SARIF (for github/codeql-action/upload-sarif). The exit code is validation's, decided after both are written:
# 0 clean, 1 findings at or above fail-on, 2 usage error (bad input), 3 internal error or no SARIF written.
set -uo pipefail

widget="${INPUT_PATH:-.}"
platform="${INPUT_PLATFORM:-}"
profile="${INPUT_PROFILE:-}"
fail_on="${INPUT_FAIL_ON:-error}"
sarif="${INPUT_SARIF:-kommo-widget.sarif}"
tool="${KOMMO_WIDGET:-kommo-widget}"

args=(validate "$widget" --fail-on "$fail_on" --no-color)
[ -n "$platform" ] && args+=(--platform "$platform")
[ -n "$profile" ] && args+=(--profile "$profile")

sarif_dir=$(dirname -- "$sarif")
mkdir -p -- "$sarif_dir" || exit 3
rm -f -- "$sarif"

# 1. Pull-request annotations (::error file=…::…) and the summary line.
"$tool" "${args[@]}" --format github
annotations=$?

# 2. The SARIF report (its summary line goes to the log as well).
"$tool" "${args[@]}" --format sarif --output "$sarif"
report=$?

status=$annotations
# A usage or internal error in either run wins over findings; findings win over clean.
if [ "$annotations" -ge 2 ]; then status=$annotations
elif [ "$report" -ge 2 ]; then status=$report
elif [ ! -s "$sarif" ]; then
  echo "::error::kommo-widget wrote no SARIF file at $sarif"
  status=3
fi

if [ -n "${GITHUB_OUTPUT:-}" ]; then
  [ -s "$sarif" ] && echo "sarif-file=$sarif" >>"$GITHUB_OUTPUT"
  echo "exit-code=$status" >>"$GITHUB_OUTPUT"
fi
exit "$status"
