#!/usr/bin/env bash
# Installs missing prerequisites, builds DataJax (skipping tests) and runs the revenue demo on the local executor.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-prerequisites.sh
mvn -q -B -DskipTests install
mvn -q -B -pl datajax-tests exec:java -Dexec.mainClass=io.datajax.examples.RevenueDemo
