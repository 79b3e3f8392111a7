package io.datajax.api;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.Mesh;
import io.datajax.ir.Sharding;
import java.util.List;
import java.util.Map;

/**
 * Entry point: {@code djit} turns a function over traced frames into a {@link JitFunction} that runs on
 * Tablesaw tables.
 *
 * <pre>{@code
 * JitFunction revenue = DataJax.djit(df -> df
 *         .withColumn("revenue", col("unit_price").multiply(col("qty")))
 *         .groupBy("user_id")
 *         .agg(sum("revenue")));
 * Table out = revenue.apply(orders);
 * }</pre>
 *
 * <p>{@code pjit} does the same over a {@link Mesh} of ranks, with declared input shardings (how the rows
 * already lie, so the planner can skip exchanges) and a required output sharding (satisfied by a
 * repartition stage, or in {@link JitFunction#strict() strict} mode rejected when the plan's differs):
 *
 * <pre>{@code
 * JitFunction totals = DataJax.pjit(df -> df.groupBy("user_id").agg(sum("qty")),
 *         Mesh.of("rows", 2), List.of(Sharding.byKey("user_id")), Sharding.byKey("user_id")).on(mpj);
 * }</pre>
 *
 * <p>The configuration comes from {@link ConfigLoader#fromEnvironment()} unless one is passed. See
 * {@code docs/sharding.md}.
 */
public final class DataJax {
    private DataJax() {
    }

    /** A jitted function of one input frame, named {@code df}. */
    public static JitFunction djit(FrameFunction fn) {
        return djit(fn, ConfigLoader.fromEnvironment());
    }

    /** A jitted function of one input frame with an explicit configuration. */
    public static JitFunction djit(FrameFunction fn, DataJaxConfig config) {
        return JitFunction.positional(List.of("df"), frames -> fn.apply(frames.get(0)), config);
    }

    /** A jitted function of two input frames, named {@code left} and {@code right}. */
    public static JitFunction djit(FrameFunction2 fn) {
        return djit(fn, ConfigLoader.fromEnvironment());
    }

    /** A jitted function of two input frames with an explicit configuration. */
    public static JitFunction djit(FrameFunction2 fn, DataJaxConfig config) {
        return JitFunction.positional(List.of("left", "right"), frames -> fn.apply(frames.get(0), frames.get(1)), config);
    }

    /** A jitted function of named inputs; call it with {@link JitFunction#apply(java.util.Map)}. */
    public static JitFunction djitNamed(NamedFrameFunction fn) {
        return djitNamed(fn, ConfigLoader.fromEnvironment());
    }

    /** A jitted function of named inputs with an explicit configuration. */
    public static JitFunction djitNamed(NamedFrameFunction fn, DataJaxConfig config) {
        return JitFunction.named(fn, config);
    }

    /**
     * A jitted function of one input frame ({@code df}) over {@code mesh}.
     *
     * @param inShardings how the input's rows lie, one spec (for the one input)
     * @param outShardings where the result's rows must lie
     * @throws io.datajax.ir.error.ShardingException ({@code INVALID_SHARDING}) when a spec names an axis the
     *     mesh lacks, or the number of input specs is not one
     */
    public static JitFunction pjit(FrameFunction fn, Mesh mesh, List<Sharding> inShardings, Sharding outShardings) {
        return pjit(fn, mesh, inShardings, outShardings, ConfigLoader.fromEnvironment());
    }

    /** {@link #pjit(FrameFunction, Mesh, List, Sharding)} with an explicit configuration. */
    public static JitFunction pjit(FrameFunction fn, Mesh mesh, List<Sharding> inShardings, Sharding outShardings,
            DataJaxConfig config) {
        List<String> names = List.of("df");
        return JitFunction.positional(names, frames -> fn.apply(frames.get(0)), config,
                PjitSpec.positional(mesh, inShardings, outShardings, names));
    }

    /**
     * A jitted function of two input frames ({@code left}, {@code right}) over {@code mesh}.
     *
     * @param inShardings how each input's rows lie, two specs in input order
     * @param outShardings where the result's rows must lie
     */
    public static JitFunction pjit(FrameFunction2 fn, Mesh mesh, List<Sharding> inShardings, Sharding outShardings) {
        return pjit(fn, mesh, inShardings, outShardings, ConfigLoader.fromEnvironment());
    }

    /** {@link #pjit(FrameFunction2, Mesh, List, Sharding)} with an explicit configuration. */
    public static JitFunction pjit(FrameFunction2 fn, Mesh mesh, List<Sharding> inShardings, Sharding outShardings,
            DataJaxConfig config) {
        List<String> names = List.of("left", "right");
        return JitFunction.positional(names, frames -> fn.apply(frames.get(0), frames.get(1)), config,
                PjitSpec.positional(mesh, inShardings, outShardings, names));
    }

    /**
     * A jitted function of named inputs over {@code mesh}; call it with {@link JitFunction#apply(Map)}.
     *
     * @param inShardings how each input's rows lie, by input name (every input of a call needs one)
     * @param outShardings where the result's rows must lie
     */
    public static JitFunction pjitNamed(NamedFrameFunction fn, Mesh mesh, Map<String, Sharding> inShardings,
            Sharding outShardings) {
        return pjitNamed(fn, mesh, inShardings, outShardings, ConfigLoader.fromEnvironment());
    }

    /** {@link #pjitNamed(NamedFrameFunction, Mesh, Map, Sharding)} with an explicit configuration. */
    public static JitFunction pjitNamed(NamedFrameFunction fn, Mesh mesh, Map<String, Sharding> inShardings,
            Sharding outShardings, DataJaxConfig config) {
        return JitFunction.named(fn, config, new PjitSpec(mesh, null, inShardings, outShardings, false));
    }

    /**
     * A function of one frame mapped over batches of tables, as one plan per batch (see {@link Vmap}):
     * {@code DataJax.vmap(fn).apply(List.of(t1, t2))}, or over the groups of key columns with
     * {@code DataJax.vmap(fn).byKey("k").apply(table)}.
     */
    public static Vmap vmap(FrameFunction fn) {
        return vmap(fn, ConfigLoader.fromEnvironment());
    }

    /** {@link #vmap(FrameFunction)} with an explicit configuration. */
    public static Vmap vmap(FrameFunction fn, DataJaxConfig config) {
        requireNonNull(fn, "fn is null");
        return Vmap.of(fn, config);
    }

    /**
     * A function of two frames mapped over batches; an argument given as one {@code Table} instead of a list is
     * shared by every item (read once): {@code DataJax.vmap((orders, users) -> ...).apply(batch, users)}.
     */
    public static Vmap2 vmap(FrameFunction2 fn) {
        return vmap(fn, ConfigLoader.fromEnvironment());
    }

    /** {@link #vmap(FrameFunction2)} with an explicit configuration. */
    public static Vmap2 vmap(FrameFunction2 fn, DataJaxConfig config) {
        requireNonNull(fn, "fn is null");
        return Vmap2.of(fn, config);
    }

    /**
     * A loop over chunks with a carried table: {@code body(carry, chunk)} gives the next carry and the chunk's
     * output; traced once, run per chunk (see {@link ScanFunction}).
     */
    public static ScanFunction scan(ScanBody body) {
        return scan(body, ConfigLoader.fromEnvironment());
    }

    /** {@link #scan(ScanBody)} with an explicit configuration. */
    public static ScanFunction scan(ScanBody body, DataJaxConfig config) {
        return ScanFunction.of(requireNonNull(body, "body is null"), config);
    }
}
