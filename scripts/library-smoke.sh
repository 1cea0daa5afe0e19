#!/usr/bin/env bash
# Smoke test of the KommoWidgetKit NuGet package as a user gets it: packs the library into artifacts/packages, makes a
# throwaway console project in a temp folder that references KommoWidgetKit at exactly this version (from
# artifacts/packages, other packages from nuget.org, restored into its own packages folder so a cached older package
# cannot hide a stale one), loads samples/hello-kommo, validates it, prints the finding count and fails on any error,
# packs it and draws its logos (SkiaSharp's native library must come with the package).
# Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

packages="$root/artifacts/packages"
version=$(dotnet msbuild src/KommoWidgetKit/KommoWidgetKit.csproj -getProperty:PackageVersion -p:Configuration=Release)
[ -n "$version" ] || { echo "library-smoke: could not read the package version" >&2; exit 1; }
if [ -n "${KW_USE_BUILT_PACKAGE:-}" ] && [ -f "$packages/KommoWidgetKit.$version.nupkg" ]; then
  echo "== KommoWidgetKit $version as scripts/package.sh wrote it"
else
  echo "== pack KommoWidgetKit $version"
  rm -f "$packages"/KommoWidgetKit."$version".nupkg "$packages"/KommoWidgetKit."$version".snupkg
  dotnet pack src/KommoWidgetKit -c Release -o "$packages" -nologo -v q
fi
[ -f "$packages/KommoWidgetKit.$version.nupkg" ] || { echo "library-smoke: no KommoWidgetKit.$version.nupkg" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/kw-library-smoke.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/app"
# The temp folder is outside the repository: Directory.Build.props, central package versions and global.json of this
# repository do not apply, as for a user's project.
cat >"$work/app/NuGet.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$packages" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
XML
cat >"$work/app/Smoke.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="KommoWidgetKit" Version="[$version]" />
  </ItemGroup>
</Project>
XML
cat >"$work/app/Program.cs" <<'CS'
using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Imaging;
using KommoWidgetKit.Loading;
using KommoWidgetKit.Packaging;
using KommoWidgetKit.Reporting;
using KommoWidgetKit.Validation;

var widget = WidgetLoader.Load(args[0]);
var result = WidgetValidator.Validate(widget);
foreach (var d in result.Diagnostics)
    Console.WriteLine($"{d.Span}: {d.Severity.ToName()} {d.Id}: {d.Message}");
Console.WriteLine($"library {ReportOptions.LibraryVersion}: {result.Diagnostics.Count} findings, {result.ErrorCount} errors");
if (result.HasErrors) return 1;
using var zip = new MemoryStream();
var packed = WidgetPacker.Pack(widget, null, zip);
Console.WriteLine($"packed {packed.Files.Count} files, {packed.ArchiveSize} bytes");
// SkiaSharp and its native library come with the package: draw the logos from the sample's largest one.
var logos = LogoMaker.Render(File.ReadAllBytes(Path.Combine(args[0], "images", "logo_main.png")), LogoMaker.TargetsFor(false));
Console.WriteLine($"drew {logos.Logos.Count} logos, {logos.Logos.Sum(l => l.Png.Length)} bytes");
return packed.Files.Count > 0 && logos.Logos.Count == 5 ? 0 : 1;
CS

echo "== restore and build a console project that references KommoWidgetKit $version"
dotnet restore "$work/app/Smoke.csproj" --packages "$work/pkgs" --configfile "$work/app/NuGet.config" -v q
dotnet build "$work/app/Smoke.csproj" -c Release --no-restore -nologo -v q -o "$work/out"
# The restored package must be the one just packed.
cmp -s "$packages/KommoWidgetKit.$version.nupkg" "$work/pkgs/kommowidgetkit/$version/kommowidgetkit.$version.nupkg" \
  || { echo "library-smoke: the restored package is not the one just packed" >&2; exit 1; }

echo "== run it on samples/hello-kommo"
out=$(dotnet "$work/out/Smoke.dll" "$root/samples/hello-kommo") || { echo "$out"; echo "library-smoke: failed (errors or exception)" >&2; exit 1; }
echo "$out"
grep -q "^library $version:" <<<"$out" || { echo "library-smoke: expected library version $version" >&2; exit 1; }
echo "library-smoke: ok"
