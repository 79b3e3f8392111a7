package io.datajax.ir.plan;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/** One sort column with its direction and where nulls go. */
public record SortKey(String column, boolean ascending, boolean nullsFirst) implements Serializable {
    public SortKey {
        requireNonNull(column, "column is null");
    }

    @Override
    public String toString() {
        return column + (ascending ? " ASC" : " DESC") + (nullsFirst ? " NULLS FIRST" : " NULLS LAST");
    }
}
