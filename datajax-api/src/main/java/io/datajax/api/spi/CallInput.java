package io.datajax.api.spi;

import static java.util.Objects.requireNonNull;

import tech.tablesaw.api.Table;

/** One input of an executor call: the caller's table, or a result the same executor kept ({@link KeptTable}). */
public sealed interface CallInput permits CallInput.Rows, CallInput.Kept {

    /** An input given as the caller's table (never modified). */
    static CallInput of(Table table) {
        return new Rows(table);
    }

    /** An input that the executor kept from an earlier call. */
    static CallInput of(KeptTable kept) {
        return new Kept(kept);
    }

    /** The caller's table. */
    record Rows(Table table) implements CallInput {
        public Rows {
            requireNonNull(table, "table is null");
        }
    }

    /** A kept result of an earlier call on the same executor. */
    record Kept(KeptTable table) implements CallInput {
        public Kept {
            requireNonNull(table, "table is null");
        }
    }
}
