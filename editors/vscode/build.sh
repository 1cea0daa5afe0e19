#!/usr/bin/env bash
# Builds the VS Code extension: npm ci, type-check (tsc --noEmit), unit tests (node --test), bundle (esbuild), the
# manifest schema copied from ../../schemas, then artifacts/vscode/kommo-widget-VERSION.vsix with vsce, and checks the
# archive holds what VS Code needs. Needs Node.js and npm, and the npm registry for npm ci; nothing else.
# Run from anywhere; scripts/build-vscode.sh at the repository root runs it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$here"

for tool in node npm unzip; do
  command -v "$tool" >/dev/null 2>&1 || { echo "error: $tool is not installed (Node.js 20 or later with npm builds the extension; unzip checks it)" >&2; exit 3; }
done

# One version: VersionPrefix in Directory.Build.props, which package.json must repeat.
version=$(sed -n 's:.*<VersionPrefix>\(.*\)</VersionPrefix>.*:\1:p' "$root/Directory.Build.props" | head -n 1)
package_version=$(node -p "require('./package.json').version")
if [ "$version" != "$package_version" ]; then
  echo "error: editors/vscode/package.json has version $package_version but Directory.Build.props has $version" >&2
  exit 1
fi
vsix="$root/artifacts/vscode/kommo-widget-$version.vsix"

echo "== npm ci (editors/vscode)"
# --ignore-scripts: esbuild finds its binary in its platform package without its install script, and vsce needs none.
npm ci --no-audit --no-fund --ignore-scripts --loglevel=error

echo "== type-check: tsc --noEmit ($(npx --no-install tsc --version))"
npx --no-install tsc --noEmit -p .

echo "== unit tests: node --test"
rm -rf out
npm run --silent test

echo "== bundle: esbuild $(npx --no-install esbuild --version) -> dist/extension.js"
rm -rf dist
npm run --silent bundle
# The bundle loads with a stand-in for the vscode module and exports activate and deactivate.
node -e '
  const Module = require("module");
  const load = Module._load;
  Module._load = function (request, ...rest) {
    if (request === "vscode") return new Proxy({}, { get: () => new Proxy(function () {}, { get: (t, k) => (k === "prototype" ? {} : t) }) });
    return load.call(this, request, ...rest);
  };
  const extension = require("./dist/extension.js");
  for (const name of ["activate", "deactivate"]) {
    if (typeof extension[name] !== "function") { console.error("error: dist/extension.js does not export " + name); process.exit(1); }
  }
'

echo "== schema and license"
mkdir -p schemas
cp "$root/schemas/manifest.schema.json" schemas/manifest.schema.json
cp "$root/schemas/kommo-widget.schema.json" schemas/kommo-widget.schema.json
cp "$root/LICENSE" LICENSE

echo "== package: vsce $(npx --no-install vsce --version) -> ${vsix#"$root/"}"
mkdir -p "$(dirname "$vsix")"
rm -f "$vsix"
npx --no-install vsce package --no-dependencies --out "$vsix"

echo "== check the .vsix"
listing=$(unzip -Z1 "$vsix")
missing=0
for entry in extension.vsixmanifest extension/package.json extension/dist/extension.js extension/schemas/manifest.schema.json \
  extension/schemas/kommo-widget.schema.json \
  extension/readme.md extension/changelog.md extension/LICENSE.txt extension/images/icon.png; do
  if ! grep -qixF "$entry" <<<"$listing"; then
    echo "error: $entry is not in ${vsix#"$root/"}" >&2
    missing=1
  fi
done
for unwanted in extension/node_modules/ extension/src/ extension/test/ extension/out/ extension/tsconfig.json; do
  if grep -qiF "$unwanted" <<<"$listing"; then
    echo "error: ${vsix#"$root/"} holds $unwanted (see .vscodeignore)" >&2
    missing=1
  fi
done
[ "$missing" = "0" ] || exit 1
# The packaged manifest is the one built, and its schema is the repository's.
unzip -p "$vsix" extension/schemas/manifest.schema.json | cmp -s - "$root/schemas/manifest.schema.json" \
  || { echo "error: the packaged manifest.schema.json differs from schemas/manifest.schema.json" >&2; exit 1; }
unzip -p "$vsix" extension/schemas/kommo-widget.schema.json | cmp -s - "$root/schemas/kommo-widget.schema.json" \
  || { echo "error: the packaged kommo-widget.schema.json differs from schemas/kommo-widget.schema.json" >&2; exit 1; }
echo "built ${vsix#"$root/"} ($(wc -c <"$vsix") bytes, $(wc -l <<<"$listing") entries)"
