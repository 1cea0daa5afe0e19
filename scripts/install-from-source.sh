#!/usr/bin/env bash
# Builds every package from this checkout (scripts/package.sh), installs the kommo-widget tool from them as a global
# .NET tool (replacing an installed one), and runs the main job on the sample widget: pack samples/hello-kommo.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
bash scripts/package.sh
top=$(ls artifacts/packages/kommo-widget.[0-9]*.nupkg | head -n 1)
version=$(basename "$top" .nupkg); version=${version#kommo-widget.}
cfg=$(mktemp)
trap 'rm -f "$cfg"' EXIT
cat > "$cfg" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration><packageSources><clear /><add key="local" value="$PWD/artifacts/packages" /></packageSources></configuration>
XML
dotnet tool uninstall --global kommo-widget >/dev/null 2>&1 || true
dotnet tool install --global kommo-widget --version "$version" --configfile "$cfg"
tools="${DOTNET_CLI_HOME:-$HOME}/.dotnet/tools"
"$tools/kommo-widget" pack samples/hello-kommo --output hello-kommo.zip
case ":$PATH:" in
  *":$tools:"*) ;;
  *) echo "note: add $tools to PATH to run kommo-widget by name (export PATH=\"\$PATH:$tools\")" ;;
esac
