#!/usr/bin/env bash
# Builds DataJax and runs the benchmark harness of docs/benchmarks.md.
#   ./bench.sh --quick                       CI smoke size (1% of the data; well under a minute after the build)
#   ./bench.sh                               full PEERS.md sizes (6-15 minutes; see docs/benchmarks.md)
#   ./bench.sh --workloads q6,join --skip-tablesaw --repeats 5
#   ./bench.sh --help                        every option
#   ./bench.sh jmh [JMH options]             JMH benchmark of a cached djit call (CachedCallBenchmark)
# BENCH_SKIP_BUILD=1 skips the Maven install. The harness runs inside Maven's JVM (exec:java), so its heap is
# MAVEN_OPTS's -Xmx: 12 GiB unless MAVEN_OPTS is set (--add-opens=java.base/java.nio=ALL-UNNAMED is always added, for Arrow). The report (markdown) goes to stdout, progress to stderr.
set -euo pipefail
cd "$(dirname "$0")"
if [[ "${BENCH_SKIP_BUILD:-0}" != "1" ]]; then
  mvn -q -B -DskipTests install
fi
if [[ "${1:-}" == "jmh" ]]; then
  shift
  exec mvn -q -B -pl datajax-tests exec:exec -Dexec.classpathScope=test -Dexec.executable=java \
    -Dexec.args="-cp %classpath org.openjdk.jmh.Main CachedCallBenchmark $*"
fi
# Arrow (the MPJ executor's shards, --mpj) needs java.nio opened to it in the driver JVM, i.e. Maven's.
export MAVEN_OPTS="${MAVEN_OPTS:--Xmx12g} --add-opens=java.base/java.nio=ALL-UNNAMED"
exec mvn -q -B -pl datajax-tests exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=io.datajax.bench.BenchmarkHarness -Dexec.args="$*"
