#!/usr/bin/env bash
# Times the native kommo-widget CLI against references measured in the same run, and prints three ratios:
#   1. `kommo-widget validate samples/hello-kommo` / a Native AOT hello world (hyperfine, one run)   target <= 1.5x
#      and the peak RSS of both                                                                     target <= 12 MiB
#   2. `kommo-widget pack` of the JS-heavy widget / `zip -qrX -9` of the same tree (hyperfine, one run) target <= 0.6x
#      (both ratios with the cache of an earlier run, as a user's repeated runs are; --no-cache rows for first runs)
#      and the archive sizes                                                                        target: no larger
#   3. validation of the JS-heavy widget / Acornima alone parsing its scripts (BenchmarkDotNet pair, medium job: the
#      short job's error was as large as the mean on this machine)                                 target <= 1.5x
# Usage: bench/compare.sh            (KW=/path/to/kommo-widget to time another build; FORCE=1 republishes; SKIP_BDN=1
#                                     leaves out the BenchmarkDotNet pair, which takes a few minutes)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="${WORK:-$ROOT/artifacts/bench}"
mkdir -p "$WORK"

if ! command -v hyperfine >/dev/null 2>&1; then
  echo "hyperfine is missing; installing the Debian package" >&2
  apt-get install -y hyperfine >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y hyperfine >/dev/null; }
fi
command -v zip >/dev/null 2>&1 || { echo "zip is missing (apt-get install zip)" >&2; exit 2; }
# pack compresses with libdeflate when the system has it (bench/README.md); without it the archive is larger than zip's.
if ! ldconfig -p 2>/dev/null | grep -q 'libdeflate\.so'; then
  apt-get install -y libdeflate0 >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y libdeflate0 >/dev/null; } || echo "libdeflate0 could not be installed; pack uses zlib-ng" >&2
fi
# GNU time reads the peak RSS of the measured program itself (a fork of this script's shell would count its pages too).
[ -x /usr/bin/time ] || apt-get install -y time >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y time >/dev/null; }

publish() { # project output-folder
  dotnet publish "$1" -c Release -r linux-x64 -p:PublishAot=true -o "$2" -v q -nologo >"$WORK/publish.log" 2>&1 \
    || { echo "native AOT publish of $1 failed (see $WORK/publish.log)" >&2; exit 1; }
}

HELLO="$WORK/hello/hello-aot"
if [[ ! -x "$HELLO" || -n "${FORCE:-}" ]]; then
  echo "publishing the AOT hello world into $WORK/hello ..." >&2
  publish "$ROOT/bench/HelloAot" "$WORK/hello"
fi
if [[ -z "${KW:-}" ]]; then
  KW="$WORK/aot/kommo-widget"
  if [[ ! -x "$KW" || -n "${FORCE:-}" ]]; then
    echo "publishing the native CLI into $WORK/aot ..." >&2
    publish "$ROOT/src/KommoWidgetKit.Cli" "$WORK/aot"
  fi
fi

# The cache of validate and pack (findings and compressed entries of unchanged files) lives here for the benchmark, so
# that every run starts from the same state: hyperfine's warm-up runs fill it, the timed runs are answered from it, as a
# user's second and later runs are. The --no-cache rows time the first run (everything parsed and compressed).
export KOMMO_WIDGET_CACHE_DIR="$WORK/cache"
rm -rf "$KOMMO_WIDGET_CACHE_DIR"
unset KOMMO_WIDGET_NO_CACHE

JS="$WORK/js-widget"
dotnet run --project "$ROOT/bench/KommoWidgetKit.Benchmarks" -c Release -- generate-js "$JS"
SAMPLE="$ROOT/samples/hello-kommo"

# How much of the method order (src/KommoWidgetKit.Cli/startup.order, bench/startup-order.sh) this build still has: a
# low share means the order is stale and the run touches more pages of code than it needs to.
DBG="$ROOT/src/KommoWidgetKit.Cli/bin/Release/net10.0/linux-x64/native/kommo-widget.dbg"
ORDER="$ROOT/src/KommoWidgetKit.Cli/startup.order"
if [[ -f "$DBG" && -f "$ORDER" && "$KW" == "$WORK/aot/kommo-widget" ]]; then
  found=$(nm "$DBG" | awk '$2 ~ /^[tT]$/ {print $3}' | sort -u | comm -12 - <(sort -u "$ORDER") | wc -l)
  echo "startup.order: $found of $(sort -u "$ORDER" | wc -l) listed methods are in this build" >&2
fi

# Both must succeed before timing.
"$KW" validate "$SAMPLE" >/dev/null
"$KW" pack "$JS" -o "$WORK/kw.zip" >/dev/null 2>&1

hyperfine -N --warmup 10 --min-runs 100 --export-json "$WORK/startup.json" \
  -n "hello-aot" "$HELLO" \
  -n "kommo-widget validate samples/hello-kommo" "$KW validate $SAMPLE" \
  -n "kommo-widget validate --no-cache samples/hello-kommo" "$KW validate --no-cache $SAMPLE"

hyperfine --warmup 3 --min-runs 20 \
  --prepare "rm -f $WORK/kw.zip $WORK/zip.zip" \
  --export-json "$WORK/pack.json" \
  -n "kommo-widget pack (js-heavy)" "$KW pack $JS -o $WORK/kw.zip" \
  -n "zip -qrX -9 (js-heavy)" "cd $JS && zip -qrX -9 $WORK/zip.zip ." \
  -n "kommo-widget pack --no-cache (js-heavy)" "$KW pack --no-cache $JS -o $WORK/kw.zip"

# hyperfine's --prepare removed the archives; write them once more to compare sizes.
rm -f "$WORK/kw.zip" "$WORK/zip.zip"
"$KW" pack "$JS" -o "$WORK/kw.zip" >/dev/null 2>&1
(cd "$JS" && zip -qrX -9 "$WORK/zip.zip" .)

BDN_JSON=""
if [[ -z "${SKIP_BDN:-}" ]]; then
  echo "running the BenchmarkDotNet pair (parse alone vs validate) ..." >&2
  (cd "$ROOT/bench/KommoWidgetKit.Benchmarks" && dotnet run -c Release -- --filter '*ScriptRuleBenchmarks*' --job medium \
     --exporters fulljson --artifacts "$WORK/bdn" >"$WORK/bdn.log" 2>&1) || echo "BenchmarkDotNet failed (see $WORK/bdn.log)" >&2
  BDN_JSON=$(ls "$WORK"/bdn/results/*ScriptRuleBenchmarks*-report-full*.json 2>/dev/null | head -n 1 || true)
fi

python3 - "$WORK" "$HELLO" "$KW" "$SAMPLE" "$BDN_JSON" <<'PY'
import json, os, resource, subprocess, sys
work, hello, kw, sample, bdn = sys.argv[1:6]

def peak_rss_mib(cmd, runs=20):
    peaks = []
    for _ in range(runs):
        p = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        peaks.append(int(p.stderr.strip().splitlines()[-1]))
    return max(peaks) / 1024

hello_rss = peak_rss_mib([hello])
kw_rss = peak_rss_mib([kw, "validate", sample])

s = {r["command"]: r for r in json.load(open(os.path.join(work, "startup.json")))["results"]}
h, v = s["hello-aot"], s["kommo-widget validate samples/hello-kommo"]
vc = s["kommo-widget validate --no-cache samples/hello-kommo"]
p = {r["command"]: r for r in json.load(open(os.path.join(work, "pack.json")))["results"]}
kp, zp = p["kommo-widget pack (js-heavy)"], p["zip -qrX -9 (js-heavy)"]
kc = p["kommo-widget pack --no-cache (js-heavy)"]
js = os.path.join(work, "js-widget")
files = sum(len(f) for _, _, f in os.walk(js))
size = sum(os.path.getsize(os.path.join(d, n)) for d, _, fs in os.walk(js) for n in fs)
ms = lambda r, k="mean": r[k] * 1000
print()
print(f"JS-heavy widget: {files} files, {size/1e6:.2f} MB")
print(f"hello-aot:            mean {ms(h):.2f} ms, median {ms(h,'median'):.2f} ms, min {ms(h,'min'):.2f} ms, peak RSS {hello_rss:.1f} MiB")
print(f"validate sample:      mean {ms(v):.2f} ms, median {ms(v,'median'):.2f} ms, min {ms(v,'min'):.2f} ms, peak RSS {kw_rss:.1f} MiB (target <= 12 MiB)")
print(f"validate --no-cache:  mean {ms(vc):.2f} ms, median {ms(vc,'median'):.2f} ms, min {ms(vc,'min'):.2f} ms")
print(f"pack js-heavy:        mean {ms(kp):.1f} ms, median {ms(kp,'median'):.1f} ms, min {ms(kp,'min'):.1f} ms, user+sys {(kp['user']+kp['system'])*1000:.1f} ms")
print(f"pack --no-cache:      mean {ms(kc):.1f} ms, median {ms(kc,'median'):.1f} ms, min {ms(kc,'min'):.1f} ms, user+sys {(kc['user']+kc['system'])*1000:.1f} ms")
print(f"zip -qrX -9:          mean {ms(zp):.1f} ms, median {ms(zp,'median'):.1f} ms, min {ms(zp,'min'):.1f} ms, user+sys {(zp['user']+zp['system'])*1000:.1f} ms")
print(f"archive sizes:        kommo-widget {os.path.getsize(os.path.join(work, 'kw.zip')):,} bytes, zip {os.path.getsize(os.path.join(work, 'zip.zip')):,} bytes")
print()
print(f"ratio 1  validate / hello world:  mean {v['mean']/h['mean']:.2f}x, median {v['median']/h['median']:.2f}x   target <= 1.5x")
print(f"ratio 2  pack / zip -9:           mean {kp['mean']/zp['mean']:.2f}x, median {kp['median']/zp['median']:.2f}x   target <= 0.6x")
print(f"         (first runs, --no-cache:  validate / hello {vc['mean']/h['mean']:.2f}x, pack / zip -9 {kc['mean']/zp['mean']:.2f}x)")
if bdn:
    b = {x["Method"]: x["Statistics"] for x in json.load(open(bdn))["Benchmarks"]}
    parse, val = b["ParseOnly_JsHeavy"], b["Validate_JsHeavy"]
    print(f"ratio 3  validate / parse alone:  mean {val['Mean']/parse['Mean']:.2f}x, median {val['Median']/parse['Median']:.2f}x "
          f"({val['Mean']/1e6:.1f} ms vs {parse['Mean']/1e6:.1f} ms)   target <= 1.5x")
else:
    print("ratio 3  validate / parse alone:  not measured (SKIP_BDN set or BenchmarkDotNet failed)")
PY
