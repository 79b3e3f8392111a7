package io.datajax.api;

import java.util.List;

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
 * <p>The configuration comes from {@link ConfigLoader#fromEnvironment()} unless one is passed.
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
}
