#!/usr/bin/env bash
# Times the native kommo-widget CLI with hyperfine:
#   1. `kommo-widget validate samples/hello-kommo`           target: <= 10 ms wall
#   2. `kommo-widget pack` on a generated ~5 MB / 200-file widget vs `zip -qrX -9` on the same tree
#                                                           target: <= 1.2x zip
# Usage: bench/compare.sh            (KW=/path/to/kommo-widget to time another build)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="${WORK:-$ROOT/artifacts/bench}"
mkdir -p "$WORK"

if ! command -v hyperfine >/dev/null 2>&1; then
  echo "hyperfine is missing; installing the Debian package" >&2
  apt-get install -y hyperfine >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y hyperfine >/dev/null; }
fi
command -v zip >/dev/null 2>&1 || { echo "zip is missing (apt-get install zip)" >&2; exit 2; }

BUILD="native AOT"
if [[ -z "${KW:-}" ]]; then
  KW="$WORK/aot/kommo-widget"
  if [[ ! -x "$KW" ]]; then
    echo "publishing the native CLI into $WORK/aot ..." >&2
    if ! dotnet publish "$ROOT/src/KommoWidgetKit.Cli" -c Release -r linux-x64 -p:PublishAot=true -o "$WORK/aot" >"$WORK/publish.log" 2>&1; then
      echo "native AOT publish failed (see $WORK/publish.log); timing the JIT build instead" >&2
      dotnet publish "$ROOT/src/KommoWidgetKit.Cli" -c Release -o "$WORK/jit" >>"$WORK/publish.log" 2>&1
      KW="$WORK/jit/kommo-widget"
      BUILD="JIT (AOT publish failed)"
    fi
  fi
else
  BUILD="given by KW"
fi

LARGE="$WORK/large-widget"
dotnet run --project "$ROOT/bench/KommoWidgetKit.Benchmarks" -c Release -- generate "$LARGE"

# Both must succeed before timing.
"$KW" validate "$ROOT/samples/hello-kommo" >/dev/null
"$KW" pack "$LARGE" -o "$WORK/kw.zip" >/dev/null

hyperfine --warmup 5 --min-runs 30 -N \
  --export-json "$WORK/validate.json" \
  -n "kommo-widget validate samples/hello-kommo" "$KW validate $ROOT/samples/hello-kommo"

hyperfine --warmup 3 --min-runs 15 \
  --prepare "rm -f $WORK/kw.zip $WORK/zip.zip" \
  --export-json "$WORK/pack.json" \
  -n "kommo-widget pack (large)" "$KW pack $LARGE -o $WORK/kw.zip" \
  -n "zip -qrX -9 (large)" "cd $LARGE && zip -qrX -9 $WORK/zip.zip ."

# hyperfine's --prepare removed the archives; write them once more to compare sizes.
rm -f "$WORK/kw.zip" "$WORK/zip.zip"
"$KW" pack "$LARGE" -o "$WORK/kw.zip" >/dev/null
(cd "$LARGE" && zip -qrX -9 "$WORK/zip.zip" .)

python3 - "$WORK" "$BUILD" <<'PY'
import json, os, sys
work, build = sys.argv[1], sys.argv[2]
v = json.load(open(os.path.join(work, "validate.json")))["results"][0]
p = {r["command"]: r for r in json.load(open(os.path.join(work, "pack.json")))["results"]}
kw, zp = p["kommo-widget pack (large)"], p["zip -qrX -9 (large)"]
files = sum(len(f) for _, _, f in os.walk(os.path.join(work, "large-widget")))
size = sum(os.path.getsize(os.path.join(d, n)) for d, _, fs in os.walk(os.path.join(work, "large-widget")) for n in fs)
print()
print(f"build: {build}; large widget: {files} files, {size/1e6:.2f} MB")
print(f"validate sample: mean {v['mean']*1000:.1f} ms (sd {v['stddev']*1000:.1f}), median {v['median']*1000:.1f} ms, min {v['min']*1000:.1f} ms   target <= 10 ms")
print(f"pack large:      mean {kw['mean']*1000:.1f} ms, median {kw['median']*1000:.1f} ms, min {kw['min']*1000:.1f} ms, user+sys {(kw['user']+kw['system'])*1000:.1f} ms")
print(f"zip -qrX -9:     mean {zp['mean']*1000:.1f} ms, median {zp['median']*1000:.1f} ms, min {zp['min']*1000:.1f} ms, user+sys {(zp['user']+zp['system'])*1000:.1f} ms")
print(f"ratio pack/zip:  mean {kw['mean']/zp['mean']:.2f}x, median {kw['median']/zp['median']:.2f}x, min {kw['min']/zp['min']:.2f}x   target <= 1.2x")
print(f"archive sizes:   kommo-widget {os.path.getsize(os.path.join(work, 'kw.zip')):,} bytes, zip {os.path.getsize(os.path.join(work, 'zip.zip')):,} bytes")
PY
