package io.datajax.ir;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * A named, typed column of a {@link Schema}. Immutable.
 *
 * @param name the column name, non-empty
 * @param type the column type, never {@link DataType#NULL}
 * @param nullable whether the column may hold nulls
 */
public record Field(String name, DataType type, boolean nullable) implements Serializable {
    public Field {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("column name is empty");
        }
    }

    /** A nullable field. */
    public static Field of(String name, DataType type) {
        return new Field(name, type, true);
    }

    /** This field under another name. */
    public Field withName(String newName) {
        return new Field(newName, type, nullable);
    }

    @Override
    public String toString() {
        return name + " " + type + (nullable ? "" : " NOT NULL");
    }
}
