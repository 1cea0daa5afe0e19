#!/usr/bin/env bash
# Publishes kommo-widget with Native AOT (failing on any warning) and runs it on the sample widget.
set -euo pipefail
cd "$(dirname "$0")/.."
out="artifacts/native"
rm -rf "$out"
dotnet publish src/KommoWidgetKit.Cli -c Release -r linux-x64 -p:PublishAot=true -p:TreatWarningsAsErrors=true -o "$out" -v q -nologo
"$out/kommo-widget" --version
"$out/kommo-widget" validate samples/hello-kommo
"$out/kommo-widget" pack samples/hello-kommo --output "$out/hello-kommo.zip"
