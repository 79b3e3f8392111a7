package io.datajax.ir.plan;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.Field;
import java.io.Serializable;

/**
 * Where one output column of a {@link Join} comes from: a left column, a right column, or a coalesced
 * key (left value, else right value) when both keys have one name.
 *
 * @param field the output field
 * @param leftIndex the left input column, or -1
 * @param rightIndex the right input column, or -1
 */
public record JoinColumn(Field field, int leftIndex, int rightIndex) implements Serializable {
    public JoinColumn {
        requireNonNull(field, "field is null");
        if (leftIndex < 0 && rightIndex < 0) {
            throw new IllegalArgumentException("join column " + field + " has no source");
        }
    }

    /** Whether this is a key present on both sides under one name, output once. */
    public boolean isCoalesced() {
        return leftIndex >= 0 && rightIndex >= 0;
    }
}
