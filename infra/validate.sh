#!/usr/bin/env bash
# Compiles and lints the Bicep templates offline: infra/main.bicep -> artifacts/infra/main.json (the ARM template
# that `az deployment group create` or the portal's "Deploy a custom template" also accepts).
# The Bicep CLI comes from NuGet (Azure.Bicep.CommandLine.linux-x64), restored through infra/bicep-cli.
# Usage: infra/validate.sh [output folder, default artifacts/infra]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
out="${1:-$root/artifacts/infra}"
dotnet restore "$here/bicep-cli/BicepCli.csproj" --nologo -v q >/dev/null
packages="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
bicep="${packages%/}/azure.bicep.commandline.linux-x64/0.49.2/tools/bicep"
chmod +x "$bicep"
mkdir -p "$out"
"$bicep" build "$here/main.bicep" --outfile "$out/main.json"
"$bicep" build-params "$here/main.example.bicepparam" --outfile "$out/main.example.parameters.json"
"$bicep" lint "$here/main.bicep"
echo "infra: main.bicep compiles and lints clean -> $out/main.json"
