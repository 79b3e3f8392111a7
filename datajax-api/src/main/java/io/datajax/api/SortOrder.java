package io.datajax.api;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.plan.SortKey;

/** One sort key for {@link Frame#sort(SortOrder...)}: {@code asc("x")}, {@code desc("y").nullsFirst()}. Nulls sort last by default. */
public final class SortOrder {
    private final String column;
    private final boolean ascending;
    private final boolean nullsFirst;

    SortOrder(String column, boolean ascending, boolean nullsFirst) {
        this.column = requireNonNull(column, "column is null");
        this.ascending = ascending;
        this.nullsFirst = nullsFirst;
    }

    /** This key with nulls before all values. */
    public SortOrder nullsFirst() {
        return new SortOrder(column, ascending, true);
    }

    /** This key with nulls after all values (the default). */
    public SortOrder nullsLast() {
        return new SortOrder(column, ascending, false);
    }

    SortKey toKey() {
        return new SortKey(column, ascending, nullsFirst);
    }

    String column() {
        return column;
    }

    @Override
    public String toString() {
        return toKey().toString();
    }
}
