#!/usr/bin/env bash
# Builds the VS Code extension into artifacts/vscode/kommo-widget-VERSION.vsix (editors/vscode/build.sh: npm ci,
# tsc --noEmit, node --test, esbuild, vsce package, and a check of the archive). Needs Node.js 20+ and npm.
# Install the result with: code --install-extension artifacts/vscode/kommo-widget-VERSION.vsix
set -euo pipefail
cd "$(dirname "$0")/.."
exec bash editors/vscode/build.sh "$@"
