#!/usr/bin/env bash
# Installs missing prerequisites, then builds DataJax and runs every test (what CI runs).
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-prerequisites.sh
mvn -B verify "$@"
