#!/usr/bin/env bash
# Installs missing prerequisites, builds DataJax (skipping tests) and runs the revenue demo.
# Arguments go to the demo: ./demo.sh [--executor local|mpj] [--ranks N]   (default: the local executor)
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-prerequisites.sh
mvn -q -B -DskipTests install
mvn -q -B -pl datajax-tests dependency:build-classpath -Dmdep.outputFile=target/demo.classpath -Dmdep.includeScope=runtime
# A plain JVM (not mvn exec:java): MPJ rank JVMs reuse the driver's class path, which must be the project's.
exec java --add-opens=java.base/java.nio=ALL-UNNAMED \
    -cp "datajax-tests/target/classes:$(cat datajax-tests/target/demo.classpath):/usr/share/java/mpj.jar:/usr/share/java/log4j-1.2.jar" \
    io.datajax.examples.RevenueDemo "$@"
