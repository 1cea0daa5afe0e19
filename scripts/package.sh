#!/usr/bin/env bash
# Writes every package of a release into artifacts/packages:
#   kommo-widget.<RID>.VERSION.nupkg   the .NET tool, Native AOT, with the native dev host (kommo-widget-dev) beside it
#   kommo-widget.any.VERSION.nupkg     the same tool framework-dependent, for platforms without a native package
#   kommo-widget.VERSION.nupkg         the tool package users install; it points at the two above
#   KommoWidgetKit.VERSION.nupkg       the library (+ .snupkg symbols)
#   kommo-widget-VERSION-RID.tar.gz    the native binaries (and the SQLite and Skia libraries beside them) with README and
#                                      LICENSE, for machines without the .NET SDK
#   SHA256SUMS                         of all of the above
# The release archive is byte-identical for the same binaries (sorted entries, fixed owner, mode and time:
# SOURCE_DATE_EPOCH, else the commit time).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

out="artifacts/packages"
stage="artifacts/package-stage"

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) rid="linux-x64" ;;
  *) echo "error: scripts/package.sh builds the Native AOT packages on linux-x64; this is $(uname -s) $(uname -m)" >&2; exit 2 ;;
esac

# Native AOT links with clang (or gcc) and needs the zlib headers; say so before a long build fails.
missing=()
command -v clang >/dev/null 2>&1 || command -v gcc >/dev/null 2>&1 || missing+=("clang")
[ -e /usr/include/zlib.h ] || missing+=("zlib1g-dev")
if [ "${#missing[@]}" -gt 0 ]; then
  echo "error: Native AOT needs a C toolchain and the zlib headers, missing: ${missing[*]}" >&2
  echo "  Debian/Ubuntu: sudo apt-get install -y clang zlib1g-dev" >&2
  echo "  Fedora: sudo dnf install -y clang zlib-devel" >&2
  exit 2
fi

version=$(dotnet msbuild src/KommoWidgetKit/KommoWidgetKit.csproj -getProperty:Version -nologo | tr -d '[:space:]')
[ -n "$version" ] || { echo "error: could not read the version from the build" >&2; exit 1; }
epoch="${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 0)}"
echo "== packaging kommo-widget $version for $rid (and any)"

rm -rf "$out" "$stage"
mkdir -p "$out" "$stage"
# Tool packs take the publish folder as it is: start from empty ones, so nothing of an earlier publish (symbols, say)
# slips into a package.
find src/KommoWidgetKit.Cli/bin src/KommoWidgetKit.DevHost.Cli/bin -type d -name publish -prune -exec rm -rf {} + 2>/dev/null || true

echo "== native dev host (kommo-widget-dev)"
dotnet publish src/KommoWidgetKit.DevHost.Cli -c Release -r "$rid" -p:PublishAot=true -p:TreatWarningsAsErrors=true \
  -o "$stage/devhost-$rid" -v q -nologo
rm -f "$stage/devhost-$rid"/*.dbg "$stage/devhost-$rid"/*.pdb "$stage/devhost-$rid"/*.xml

# One restore per pack, for the RID it packs: the top-level package first, then each RID's own.
echo "== tool package, top level"
# With PublishAot the SDK writes only the package that points at the RID packages (AOT cannot build them all at once).
dotnet pack src/KommoWidgetKit.Cli -c Release -p:PublishAot=true -o "$out" -v q -nologo
echo "== tool package, framework-dependent (any)"
dotnet pack src/KommoWidgetKit.Cli -c Release -r any -o "$out" -v q -nologo
echo "== tool package, Native AOT ($rid)"
dotnet pack src/KommoWidgetKit.Cli -c Release -r "$rid" -p:PublishAot=true -p:TreatWarningsAsErrors=true \
  -p:KommoDevHostNativeDir="$PWD/$stage/devhost-$rid" -o "$out" -v q -nologo
echo "== library package"
dotnet pack src/KommoWidgetKit -c Release -o "$out" -v q -nologo

echo "== release archive"
name="kommo-widget-$version-$rid"
mkdir -p "$stage/$name"
# The binaries are the ones the AOT tool package carries, so the archive and the tool are the same build.
unzip -q -o "$out/kommo-widget.$rid.$version.nupkg" "tools/*" -d "$stage/nupkg-$rid"
bin_dir=$(dirname "$(find "$stage/nupkg-$rid/tools" -name kommo-widget -type f | head -n 1)")
# libSkiaSharp.so draws the images of logos and new; libe_sqlite3.so is the dev host's.
for f in kommo-widget kommo-widget-dev libe_sqlite3.so libSkiaSharp.so; do
  [ -e "$bin_dir/$f" ] || { echo "error: $f is missing from the $rid tool package" >&2; exit 1; }
  cp "$bin_dir/$f" "$stage/$name/$f"
done
cp README.md LICENSE "$stage/$name/"
chmod 0755 "$stage/$name/kommo-widget" "$stage/$name/kommo-widget-dev"
chmod 0644 "$stage/$name/libe_sqlite3.so" "$stage/$name/libSkiaSharp.so" "$stage/$name/README.md" "$stage/$name/LICENSE"
bash scripts/tar-reproducible.sh "$stage" "$name" "$epoch" "$out/$name.tar.gz"

(cd "$out" && sha256sum -- *.nupkg *.snupkg *.tar.gz | LC_ALL=C sort -k2 > SHA256SUMS)
echo "== wrote $out:"
(cd "$out" && ls -l --time-style=+ -- * | awk '{print "  " $5 "\t" $NF}')
