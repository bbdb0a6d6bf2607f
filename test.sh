#!/usr/bin/env bash
# The test command: every test project in Release, nothing skipped (PostgreSQL tests start their own server).
set -euo pipefail
cd "$(dirname "$0")"
dotnet build Monitoring.sln -c Release -warnaserror
dotnet test Monitoring.sln -c Release --no-build "$@"
