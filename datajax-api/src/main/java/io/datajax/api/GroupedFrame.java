package io.datajax.api;

import java.util.List;

/** A frame grouped by key columns, waiting for its aggregates. Immutable. */
public final class GroupedFrame {
    private final Frame frame;
    private final List<String> keys;

    GroupedFrame(Frame frame, List<String> keys) {
        this.frame = frame;
        this.keys = List.copyOf(keys);
    }

    /**
     * One row per distinct key (nulls form a group), sorted by key ascending with nulls last: the keys,
     * then one column per aggregate named after its input column unless aliased.
     */
    public Frame agg(Agg... aggregates) {
        return frame.aggregate(keys, aggregates);
    }

    /**
     * The first {@code n} rows of every group, in the current order (null keys form a group), rows kept in their
     * order, like Polars' {@code group_by(...).head(n)}. Top-k per key: {@code df.sort(desc("score")).groupBy("k").head(3)}.
     */
    public Frame head(long n) {
        return frame.limitPerKey(n, keys);
    }
}
