package io.datajax.io;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.expr.Expr;
import java.util.List;
import java.util.Optional;

/**
 * What to read from a source.
 *
 * @param columns the columns to produce, in the source's order (a projection: others are not decoded)
 * @param filter a predicate over those columns that rows must meet; a reader may skip parts its statistics
 *     prove cannot meet it, and must not drop rows otherwise (the plan filters them)
 * @param batchRows the most rows per batch handed to the consumer
 */
public record ReadRequest(List<String> columns, Optional<Expr> filter, int batchRows) {
    /** The default batch size. */
    public static final int DEFAULT_BATCH_ROWS = 65_536;

    public ReadRequest {
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        requireNonNull(filter, "filter is null");
        if (batchRows <= 0) {
            throw new IllegalArgumentException("batchRows must be positive: " + batchRows);
        }
    }

    /** Every column of {@code columns}, no filter, default batch size. */
    public static ReadRequest of(List<String> columns) {
        return new ReadRequest(columns, Optional.empty(), DEFAULT_BATCH_ROWS);
    }
}
