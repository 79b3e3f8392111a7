/**
 * The benchmark harness of issue 3: the workloads of {@code PEERS.md} (q6, q1, group-bys, join, pipeline) on
 * seeded generated data, run side by side on the DataJax local executor, DuckDB (JDBC), idiomatic Tablesaw and
 * a hand-written loop, with every engine's result checked against the others before any time is reported.
 *
 * <p>{@link io.datajax.bench.BenchmarkHarness} is the command-line entry point; each
 * {@link io.datajax.bench.Workload} owns its data, its query in each engine's idiom and its result shape;
 * {@link io.datajax.bench.CachedCallBenchmark} is the JMH benchmark of a cached {@code djit} call. Test scope,
 * because DuckDB and JMH are test-scope dependencies of {@code datajax-tests}. See {@code docs/benchmarks.md}.
 */
package io.datajax.bench;
