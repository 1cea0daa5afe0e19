#!/usr/bin/env bash
# Installs kommo-widget from artifacts/packages (written by scripts/package.sh) the way a user does, in a throwaway home
# and package cache so nothing on the machine hides a missing file, and checks that the installed tool works:
#   1. --tool-path: the native package (no .dll, starts like a native program), every command, then uninstall
#   2. --global: install, a quick check, uninstall leaves nothing behind
#   3. the framework-dependent fallback package, as a platform without a native package gets it
#   4. the release archive: unpacked, its binaries run without the SDK on PATH
#   5. the library package from a fresh console project (scripts/library-smoke.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
pkgs="$root/artifacts/packages"
top=$(ls "$pkgs"/kommo-widget.[0-9]*.nupkg 2>/dev/null | head -n 1 || true)
[ -n "$top" ] || { echo "error: no kommo-widget package in $pkgs; run scripts/package.sh first" >&2; exit 2; }
version=$(basename "$top" .nupkg); version=${version#kommo-widget.}
rid="linux-x64"

tmp=$(mktemp -d)
dev_pid=""
cleanup() { [ -n "$dev_pid" ] && kill -TERM "$dev_pid" 2>/dev/null; sleep 1; rm -rf "$tmp"; }
trap cleanup EXIT
export DOTNET_CLI_HOME="$tmp/home" NUGET_PACKAGES="$tmp/nuget" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 \
       DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 DOTNET_GENERATE_ASPNET_CERTIFICATE=false
mkdir -p "$DOTNET_CLI_HOME"
# Only the packages just built: a package with the same version elsewhere must not stand in for them.
cat > "$tmp/NuGet.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$pkgs" />
  </packageSources>
</configuration>
EOF

fail() { echo "install-test: FAIL: $*" >&2; exit 1; }
step() { echo "== $*"; }

# Starts `KW dev DIR --port 0`, waits for its address, fetches the index page, stops it with SIGTERM: exit 0 expected.
# (A background job of a script starts with SIGINT ignored, so SIGTERM is what a supervisor or a script sends.)
check_dev() {
  local kw="$1" widget="$tmp/dev-widget-$2" log="$tmp/dev-$2.log"
  rm -rf "$widget"; cp -r "$root/samples/hello-kommo" "$widget"
  "$kw" dev "$widget" --port 0 --no-watch >"$log" 2>&1 &
  dev_pid=$!
  local url=""
  for _ in $(seq 1 240); do
    url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$log" | head -n 1 || true)
    [ -n "$url" ] && break
    kill -0 "$dev_pid" 2>/dev/null || { cat "$log" >&2; fail "$2: dev exited before listening"; }
    sleep 0.25
  done
  [ -n "$url" ] || { cat "$log" >&2; fail "$2: dev printed no address"; }
  local code
  code=$(curl -s -o "$tmp/index.html" -w '%{http_code}' "$url/") || true
  [ "$code" = "200" ] || { cat "$log" >&2; fail "$2: GET $url/ answered $code"; }
  grep -q "Kommo dev host" "$tmp/index.html" || fail "$2: GET / is not the dev host page"
  grep -q "/leads/detail/" "$log" || fail "$2: dev did not list the pages"
  kill -TERM "$dev_pid"
  local status=0
  wait "$dev_pid" || status=$?
  dev_pid=""
  [ "$status" = "0" ] || { cat "$log" >&2; fail "$2: dev exited $status after SIGTERM"; }
  echo "dev: served $url and stopped on SIGTERM"
}

# logos (SkiaSharp's native library beside the tool): redraws a new widget's logos from the sample's logo_main.png,
# refuses to overwrite them without --force, and the widget still validates clean.
check_logos() {
  local kw="$1" label="$2" widget="$tmp/logos-$2"
  rm -rf "$widget"
  "$kw" new logo_probe --output "$widget" >/dev/null || fail "$label: new (for logos)"
  local status=0
  "$kw" logos "$root/samples/hello-kommo/images/logo_main.png" "$widget" >/dev/null 2>&1 || status=$?
  [ "$status" = "2" ] || fail "$label: logos over existing logos without --force gave exit $status, not 2"
  "$kw" logos "$root/samples/hello-kommo/images/logo_main.png" "$widget" --force --fit cover >"$tmp/logos-$label.out" 2>&1 \
    || { cat "$tmp/logos-$label.out" >&2; fail "$label: logos"; }
  grep -q "wrote 5 logos" "$tmp/logos-$label.out" || { cat "$tmp/logos-$label.out" >&2; fail "$label: logos wrote no logos"; }
  head -c 8 "$widget/images/logo_main.png" | od -An -tx1 | grep -q "89 50 4e 47 0d 0a 1a 0a" || fail "$label: logo_main.png is not a PNG"
  "$kw" validate "$widget" >/dev/null || fail "$label: the widget does not validate clean after logos"
}

# build (Node.js and the project's own esbuild, driven by the script embedded in the tool): a project from
# new --template ts installs, builds and type-checks clean, and pack ships its dist/ without the source map.
check_build() {
  local kw="$1" label="$2" project="$tmp/ts-$2" out="$tmp/build-$2.out"
  if ! command -v npm >/dev/null 2>&1; then
    [ "${CI:-}" != "true" ] || fail "$label: npm is missing (CI=true: .ci/run installs it)"
    echo "$label: build skipped (no npm)"
    return
  fi
  rm -rf "$project"
  "$kw" new ts_probe --template ts --output "$project" >/dev/null || fail "$label: new --template ts"
  (cd "$project" && npm install --no-audit --no-fund --prefer-offline --cache "${KOMMO_TEST_NPM_CACHE:-${TMPDIR:-/tmp}/kommo-widget-npm-cache}" >"$out" 2>&1) \
    || { cat "$out" >&2; fail "$label: npm install in the TypeScript project"; }
  "$kw" build "$project" --typecheck >"$out" 2>&1 || { cat "$out" >&2; fail "$label: build --typecheck"; }
  grep -q "no problems" "$out" || { cat "$out" >&2; fail "$label: the built widget does not validate clean"; }
  head -n 2 "$project/dist/script.js" | grep -q '^define(\["require", "jquery"\]' || fail "$label: dist/script.js is not the AMD module"
  "$kw" pack "$project" --output "$tmp/ts-$label.zip" >"$out" 2>&1 || { cat "$out" >&2; fail "$label: pack of the TypeScript project"; }
  unzip -l "$tmp/ts-$label.zip" | grep -q ' script\.js$' || fail "$label: the TypeScript project's archive has no script.js"
  if unzip -l "$tmp/ts-$label.zip" | grep -q 'script\.js\.map'; then fail "$label: pack shipped the source map"; fi
  echo "$label: new --template ts, npm install, build --typecheck and pack work"
}

check_commands() {
  local kw="$1" label="$2"
  "$kw" --version | grep -q "^$version" || fail "$label: --version is not $version"
  "$kw" validate "$root/samples/hello-kommo" >/dev/null || fail "$label: validate of the sample"
  "$kw" pack "$root/samples/hello-kommo" --output "$tmp/$label.zip" >/dev/null 2>&1 || fail "$label: pack of the sample"
  [ -s "$tmp/$label.zip" ] || fail "$label: pack wrote no archive"
  "$kw" new probe_widget --output "$tmp/new-$label" >/dev/null || fail "$label: new"
  "$kw" validate "$tmp/new-$label" >/dev/null || fail "$label: the new widget does not validate clean"
  check_logos "$kw" "$label"
  "$kw" info "$tmp/$label.zip" --format json | grep -q '"files"' || fail "$label: info --format json"
  local status=0
  "$kw" validate "$tmp/missing-widget" >/dev/null 2>&1 || status=$?
  [ "$status" = "2" ] || fail "$label: a missing path gave exit $status, not 2"
  # fix on a broken copy of the sample: repairs, then has nothing left to do.
  cp -r "$root/samples/hello-kommo" "$tmp/fix-$label"
  sed -i 's/"interface_version": 2/"interface_version": 1/' "$tmp/fix-$label/manifest.json"
  "$kw" fix "$tmp/fix-$label" --platform kommo >"$tmp/fix-$label.out" 2>&1 || { cat "$tmp/fix-$label.out" >&2; fail "$label: fix"; }
  grep -q "KW1006 Set interface_version to 2" "$tmp/fix-$label.out" || { cat "$tmp/fix-$label.out" >&2; fail "$label: fix did not repair"; }
  "$kw" fix "$tmp/fix-$label" --platform kommo | grep -q "^nothing to fix" || fail "$label: a second fix changed something"
  # lsp: a real session (initialize, open, change, diagnostics, shutdown, exit) against the installed binary.
  if command -v python3 >/dev/null; then
    python3 "$root/bench/lsp-latency.py" "$kw" "$root/samples/hello-kommo" 4 >/dev/null || fail "$label: lsp session"
  fi
  check_cache "$kw" "$label"
  check_build "$kw" "$label"
  check_dev "$kw" "$label"
  echo "$label: --version, validate, pack, fix, new, logos, info, lsp, cache, build and dev work"
}

# The cache of validate and pack: the second run is answered from it with the same output and the same archive as a
# run without it, an edited file is seen, and the records live where KOMMO_WIDGET_CACHE_DIR says.
check_cache() {
  local kw="$1" label="$2" cache="$tmp/cache-$label" w="$tmp/cached-$label"
  cp -r "$root/samples/hello-kommo" "$w"
  KOMMO_WIDGET_CACHE_DIR="$cache" "$kw" validate "$w" --format json >"$tmp/c1.json" 2>&1 || fail "$label: validate (cache)"
  KOMMO_WIDGET_CACHE_DIR="$cache" "$kw" validate "$w" --format json >"$tmp/c2.json" 2>&1 || fail "$label: validate (from the cache)"
  "$kw" validate "$w" --format json --no-cache >"$tmp/c3.json" 2>&1 || fail "$label: validate --no-cache"
  cmp -s "$tmp/c1.json" "$tmp/c2.json" && cmp -s "$tmp/c1.json" "$tmp/c3.json" || fail "$label: validate from the cache printed something else"
  [ -n "$(ls "$cache/validation" 2>/dev/null)" ] || fail "$label: no validation record in $cache"
  KOMMO_WIDGET_CACHE_DIR="$cache" "$kw" pack "$w" -o "$tmp/c1.zip" >/dev/null 2>&1 || fail "$label: pack (cache)"
  KOMMO_WIDGET_CACHE_DIR="$cache" "$kw" pack "$w" -o "$tmp/c2.zip" >/dev/null 2>&1 || fail "$label: pack (from the cache)"
  KOMMO_WIDGET_NO_CACHE=1 "$kw" pack "$w" -o "$tmp/c3.zip" >/dev/null 2>&1 || fail "$label: pack with KOMMO_WIDGET_NO_CACHE"
  cmp -s "$tmp/c1.zip" "$tmp/c2.zip" && cmp -s "$tmp/c1.zip" "$tmp/c3.zip" || fail "$label: pack from the cache wrote another archive"
  sed -i 's/"interface_version": 2/"interface_version": 1/' "$w/manifest.json"
  KOMMO_WIDGET_CACHE_DIR="$cache" "$kw" validate "$w" --platform kommo >"$tmp/c4.txt" 2>&1 || true
  grep -q "KW1006" "$tmp/c4.txt" || { cat "$tmp/c4.txt" >&2; fail "$label: an edited manifest was not seen through the cache"; }
}

step "1. dotnet tool install kommo-widget --tool-path (native package $rid)"
dotnet tool install kommo-widget --version "$version" --tool-path "$tmp/tools" --configfile "$tmp/NuGet.config" >/dev/null
kw="$tmp/tools/kommo-widget"
[ -x "$kw" ] || fail "no kommo-widget command in the tool path"
store="$tmp/tools/.store/kommo-widget/$version"
find "$store" -name 'kommo-widget' -path "*/$rid/*" -type f | grep -q . || fail "the $rid package was not the one installed"
if find "$store" -name 'kommo-widget.dll' | grep -q .; then fail "the native install carries kommo-widget.dll (JIT), not the AOT binary"; fi
find "$store" -name 'kommo-widget-dev' -type f | grep -q . || fail "kommo-widget-dev is not installed beside kommo-widget"
find "$store" -name 'libSkiaSharp.so' -path "*/$rid/*" -type f | grep -q . || fail "libSkiaSharp.so is not installed beside kommo-widget"
head -c 4 "$(readlink -f "$kw")" | grep -q 'ELF' || fail "kommo-widget is not a native executable"
start=$(date +%s%N); for _ in $(seq 1 20); do "$kw" --version >/dev/null; done; end=$(date +%s%N)
echo "native start-up: $(( (end - start) / 20000000 )) ms per --version (20 runs; timings are for bench/, not asserted)"
check_commands "$kw" "tool-path"
dotnet tool uninstall kommo-widget --tool-path "$tmp/tools" >/dev/null
[ ! -e "$kw" ] || fail "uninstall left the command behind"
[ ! -d "$store" ] || fail "uninstall left the package in the tool store"

step "2. dotnet tool install --global kommo-widget"
dotnet tool install --global kommo-widget --version "$version" --configfile "$tmp/NuGet.config" >/dev/null
gkw="$DOTNET_CLI_HOME/.dotnet/tools/kommo-widget"
[ -x "$gkw" ] || fail "no global kommo-widget command in $DOTNET_CLI_HOME/.dotnet/tools"
"$gkw" --version | grep -q "^$version" || fail "global: --version"
"$gkw" validate "$root/samples/hello-kommo" >/dev/null || fail "global: validate"
dotnet tool uninstall --global kommo-widget >/dev/null
[ ! -e "$gkw" ] || fail "global uninstall left the command behind"
if find "$DOTNET_CLI_HOME/.dotnet/tools" -path '*kommo-widget*' 2>/dev/null | grep -q .; then fail "global uninstall left files behind"; fi
echo "global: installed, ran, uninstalled cleanly"

step "3. the framework-dependent package (what a platform without a native package installs)"
# The 'any' package is what the top-level package resolves to elsewhere; install it on its own id here.
dotnet tool install kommo-widget.any --version "$version" --tool-path "$tmp/any" --configfile "$tmp/NuGet.config" >/dev/null
akw="$tmp/any/kommo-widget"
[ -e "$akw" ] || fail "the framework-dependent package gave no kommo-widget command"
find "$tmp/any/.store" -name 'kommo-widget.dll' | grep -q . || fail "the framework-dependent package carries no kommo-widget.dll"
find "$tmp/any/.store" -name 'kommo-widget-dev.dll' | grep -q . || fail "the framework-dependent package carries no dev host"
find "$tmp/any/.store" -path '*/runtimes/linux-x64/native/libSkiaSharp.so' | grep -q . || fail "the framework-dependent package carries no libSkiaSharp.so for linux-x64"
if find "$tmp/any/.store" -name 'libSkiaSharp.pdb' | grep -q .; then fail "the framework-dependent package carries SkiaSharp's debugging symbols"; fi
check_commands "$akw" "any"

step "4. the release archive"
tarball="$pkgs/kommo-widget-$version-$rid.tar.gz"
[ -s "$tarball" ] || fail "no release archive $tarball"
(cd "$pkgs" && sha256sum --check --quiet SHA256SUMS) || fail "SHA256SUMS does not match the packages"
mkdir -p "$tmp/archive" && tar -xzf "$tarball" -C "$tmp/archive"
ar="$tmp/archive/kommo-widget-$version-$rid"
for f in kommo-widget kommo-widget-dev libe_sqlite3.so libSkiaSharp.so README.md LICENSE; do [ -e "$ar/$f" ] || fail "the archive lacks $f"; done
# No SDK on PATH: the archive is for machines without .NET.
env -i PATH=/nonexistent HOME="$tmp/home" "$ar/kommo-widget" validate "$root/samples/hello-kommo" >/dev/null || fail "archive: validate without .NET on PATH"
env -i PATH=/nonexistent HOME="$tmp/home" "$ar/kommo-widget" new archive_probe --output "$tmp/archive-new" >/dev/null || fail "archive: new without .NET on PATH"
env -i PATH=/nonexistent HOME="$tmp/home" "$ar/kommo-widget" logos "$root/samples/hello-kommo/images/logo_main.png" "$tmp/archive-new" --force >/dev/null \
  || fail "archive: logos without .NET on PATH"
# Same inputs, same bytes.
epoch="${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 0)}"
bash scripts/tar-reproducible.sh "$tmp/archive" "kommo-widget-$version-$rid" "$epoch" "$tmp/again.tar.gz"
cmp -s "$tarball" "$tmp/again.tar.gz" || fail "the release archive is not reproducible from the same files"
echo "archive: complete, runs (validate, new, logos) without .NET on PATH, reproducible"

step "5. the library package"
KW_USE_BUILT_PACKAGE=1 bash scripts/library-smoke.sh

echo "install-test: all passed (kommo-widget $version)"
