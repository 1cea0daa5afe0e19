#!/usr/bin/env python3
"""Change -> diagnostics latency of `kommo-widget lsp` (issue 9's target: <= 50 ms for the sample widget).

Starts the server on a copy of a widget, opens manifest.json, then sends N full-text changes that alternately break and
repair one location; for each, the time from writing didChange to reading the publishDiagnostics of that version.
The server's debounce (25 ms) is part of what is measured, as an editor sees it.

    python3 bench/lsp-latency.py [KOMMO_WIDGET_EXE] [WIDGET_DIR] [N]
"""
import json, os, shutil, statistics, subprocess, sys, tempfile, threading, time

exe = sys.argv[1] if len(sys.argv) > 1 else "kommo-widget"
source = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "..", "samples", "hello-kommo")
n = int(sys.argv[3]) if len(sys.argv) > 3 else 40

work = tempfile.mkdtemp(prefix="kw-lsp-bench-")
root = os.path.join(work, "widget")
shutil.copytree(source, root)
manifest = os.path.join(root, "manifest.json")
uri = "file://" + manifest
good = open(manifest, encoding="utf-8").read()
bad = good.replace('"lcard-1"', '"lcrd-1"', 1)
assert bad != good, "the widget needs an lcard-1 location"

proc = subprocess.Popen([exe, "lsp", "--stdio"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
published = {}
cond = threading.Condition()

def reader():
    out = proc.stdout
    while True:
        line = out.readline()
        if not line:
            return
        if line.lower().startswith(b"content-length:"):
            size = int(line.split(b":")[1])
            out.readline()
            msg = json.loads(out.read(size))
            if msg.get("method") == "textDocument/publishDiagnostics" and msg["params"]["uri"] == uri:
                with cond:
                    published[msg["params"].get("version")] = (time.perf_counter(), len(msg["params"]["diagnostics"]))
                    cond.notify_all()

threading.Thread(target=reader, daemon=True).start()

def send(obj):
    body = json.dumps(obj).encode()
    proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    proc.stdin.flush()

def wait(version, timeout=10):
    with cond:
        end = time.perf_counter() + timeout
        while version not in published:
            left = end - time.perf_counter()
            if left <= 0:
                raise SystemExit(f"no diagnostics for version {version}")
            cond.wait(left)
        return published[version]

send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"rootUri": "file://" + root, "capabilities": {}}})
send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "languageId": "json", "version": 1, "text": good}}})
time.sleep(0.5)

times = []
for i in range(n):
    version = i + 2
    text = bad if i % 2 == 0 else good
    start = time.perf_counter()
    send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
        "textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]}})
    at, count = wait(version)
    assert count == (1 if text is bad else 0), (version, count)
    times.append((at - start) * 1000)

send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
send({"jsonrpc": "2.0", "method": "exit"})
proc.wait(timeout=10)
shutil.rmtree(work, ignore_errors=True)
times.sort()
print(f"change -> diagnostics over {n} changes: median {statistics.median(times):.1f} ms, "
      f"p90 {times[int(len(times) * 0.9) - 1]:.1f} ms, min {times[0]:.1f} ms, max {times[-1]:.1f} ms (debounce 25 ms included)")
