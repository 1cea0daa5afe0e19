#!/usr/bin/env bash
# Writes src/KommoWidgetKit.Cli/startup.order: the managed methods the native CLI runs on its common paths, in the order
# the Native AOT compiler is to lay them out (IlcOrderFile). Methods listed come first in the executable's code, so the
# few hundred a run uses share a handful of pages instead of being spread over all of its 3.8 MB: on a machine where a
# page fault costs microseconds, that is about a tenth of a `validate` answered from the cache (bench/README.md).
#
# Each path is run once under valgrind's callgrind (every instruction counted, so every method run is listed, however
# short), most important first: `--version`; `validate` answered from the cache (clean, then with findings); `validate
# --no-cache`; `pack` answered from the cache and `pack --no-cache` of the JS-heavy widget. A method is listed where it
# first appears. Run it again when the start-up paths change: names that no longer exist are ignored by the compiler,
# new methods are laid out after the listed ones (still correct, only less compact).
#
# Usage: bench/startup-order.sh     (needs valgrind: apt-get install valgrind)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="${WORK:-$ROOT/artifacts/startup-order}"
OUT="$ROOT/src/KommoWidgetKit.Cli/startup.order"
command -v valgrind >/dev/null 2>&1 || { echo "valgrind is missing (apt-get install valgrind)" >&2; exit 2; }
rm -rf "$WORK"
mkdir -p "$WORK"

echo "publishing the native CLI without a method order into $WORK/aot ..." >&2
dotnet publish "$ROOT/src/KommoWidgetKit.Cli" -c Release -r linux-x64 -p:PublishAot=true -p:KommoStartupOrder=false \
  -o "$WORK/aot" -v q -nologo >"$WORK/publish.log" 2>&1 || { echo "publish failed (see $WORK/publish.log)" >&2; exit 1; }
KW="$WORK/aot/kommo-widget"
# The symbols of that build (the publish folder has none: the package ships no debugging aids).
DBG="$ROOT/src/KommoWidgetKit.Cli/bin/Release/net10.0/linux-x64/native/kommo-widget.dbg"
build_id() { readelf -n "$1" 2>/dev/null | sed -n 's/.*Build ID: //p'; }
[[ -f "$DBG" && "$(build_id "$DBG")" == "$(build_id "$KW")" ]] || { echo "no symbols of this build at $DBG" >&2; exit 1; }

export KOMMO_WIDGET_CACHE_DIR="$WORK/cache"
unset KOMMO_WIDGET_NO_CACHE
SAMPLE="$ROOT/samples/hello-kommo"
FINDINGS="$WORK/findings"
cp -r "$SAMPLE" "$FINDINGS"
rm "$FINDINGS/images/logo_min.png"
echo "console.log('left in');" >>"$FINDINGS/script.js"
JS="$WORK/js-widget"
dotnet run --project "$ROOT/bench/KommoWidgetKit.Benchmarks" -c Release -- generate-js "$JS" >/dev/null

run=0
profile() { # args of one CLI run, profiled
  run=$((run + 1))
  valgrind --tool=callgrind --dump-instr=yes --callgrind-out-file="$WORK/run$run.callgrind" "$KW" "$@" \
    >/dev/null 2>"$WORK/run$run.log" || true
  echo "  $run: kommo-widget $*" >&2
}
echo "running the paths under callgrind ..." >&2
profile --version
"$KW" validate "$SAMPLE" >/dev/null
profile validate "$SAMPLE"
"$KW" validate "$FINDINGS" >/dev/null || true
profile validate "$FINDINGS"
profile validate --no-cache "$SAMPLE"
"$KW" pack "$JS" -o "$WORK/js.zip" >/dev/null 2>&1
profile pack "$JS" -o "$WORK/js.zip"
profile pack --no-cache "$JS" -o "$WORK/js.zip"

python3 - "$DBG" "$OUT" "$run" "$WORK" <<'PY'
import bisect, os, re, subprocess, sys
dbg, out, runs, work = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
# The managed code section's range and the methods in it, from the build's symbols.
sections = subprocess.run(["readelf", "-SW", dbg], capture_output=True, text=True, check=True).stdout
m = re.search(r"__managedcode\s+\S+\s+([0-9a-f]+)\s+[0-9a-f]+\s+([0-9a-f]+)", sections)
lo = int(m.group(1), 16); hi = lo + int(m.group(2), 16)
symbols = []
for line in subprocess.run(["nm", "-n", dbg], capture_output=True, text=True, check=True).stdout.splitlines():
    p = line.split()
    if len(p) == 3 and p[1] in "tT":
        a = int(p[0], 16)
        if lo <= a < hi: symbols.append((a, p[2]))
starts = [a for a, _ in symbols]
order, seen = [], set()
for i in range(1, runs + 1):
    pos = 0
    with open(os.path.join(work, f"run{i}.callgrind")) as f:
        for line in f:
            # Cost lines start with the instruction address: absolute (0x…), relative (+n / -n) or the same (*).
            c = line[:1]
            if c not in "0123456789+-*": continue
            tok = line.split(None, 1)[0]
            if tok.startswith("0x"): pos = int(tok, 16)
            elif c == "+": pos += int(tok[1:], 0)
            elif c == "-": pos -= int(tok[1:], 0)
            elif c != "*":
                try: pos = int(tok, 0)
                except ValueError: continue
            if lo <= pos < hi:
                j = bisect.bisect_right(starts, pos) - 1
                name = symbols[j][1]
                if name not in seen:
                    seen.add(name); order.append(name)
    print(f"  run {i}: {len(order)} methods so far", file=sys.stderr)
tmp = out + ".tmp"
with open(tmp, "w") as f:
    f.write("\n".join(order) + "\n")
os.replace(tmp, out)
print(f"wrote {len(order)} methods to {out}", file=sys.stderr)
PY
