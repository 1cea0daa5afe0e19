#!/usr/bin/env bash
# Publishes kommo-widget and its dev host kommo-widget-dev with Native AOT (failing on any warning) into one folder,
# checks both are there (with the SQLite library beside the dev host and the Skia one beside kommo-widget) and runs them
# on the sample widget.
set -euo pipefail
cd "$(dirname "$0")/.."
out="artifacts/native"
rm -rf "$out"
for project in src/KommoWidgetKit.Cli src/KommoWidgetKit.DevHost.Cli; do
  dotnet publish "$project" -c Release -r linux-x64 -p:PublishAot=true -p:TreatWarningsAsErrors=true -o "$out" -v q -nologo
done
for file in kommo-widget kommo-widget-dev libe_sqlite3.so libSkiaSharp.so; do
  if [ ! -f "$out/$file" ]; then
    echo "native-smoke: $out/$file is missing" >&2
    exit 1
  fi
done
ls -l "$out/kommo-widget" "$out/kommo-widget-dev" "$out/libe_sqlite3.so" "$out/libSkiaSharp.so"
"$out/kommo-widget" --version
"$out/kommo-widget" validate samples/hello-kommo
"$out/kommo-widget" pack samples/hello-kommo --output "$out/hello-kommo.zip"
"$out/kommo-widget" new smoke_widget --output "$out/smoke-widget"
"$out/kommo-widget" logos samples/hello-kommo/images/logo_main.png "$out/smoke-widget" --force
# dev goes through the sibling: its help comes from kommo-widget-dev.
"$out/kommo-widget" dev --help | grep -q -- '--no-watch'
echo "native-smoke: kommo-widget dev --help answered by kommo-widget-dev"
