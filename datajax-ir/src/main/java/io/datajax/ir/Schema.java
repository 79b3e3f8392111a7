package io.datajax.ir;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.error.ErrorMessages;
import io.datajax.ir.error.SchemaException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An ordered list of uniquely named {@link Field}s: what a traced frame or a stage knows about its rows.
 * Immutable; equal schemas compare equal.
 */
public record Schema(List<Field> fields) implements Serializable {
    public Schema {
        fields = List.copyOf(requireNonNull(fields, "fields is null"));
        Set<String> seen = new HashSet<>();
        for (Field field : fields) {
            if (!seen.add(field.name())) {
                throw SchemaException.duplicateColumn(field.name(), names(fields));
            }
        }
    }

    /** A schema of the given fields. */
    public static Schema of(Field... fields) {
        return new Schema(List.of(fields));
    }

    /** The column names in order. */
    public List<String> names() {
        return names(fields);
    }

    private static List<String> names(List<Field> fields) {
        return fields.stream().map(Field::name).collect(Collectors.toUnmodifiableList());
    }

    /** The number of columns. */
    public int size() {
        return fields.size();
    }

    /** The position of a column, or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether a column of that name exists. */
    public boolean contains(String name) {
        return indexOf(name) >= 0;
    }

    /** The field of that name, if any. */
    public Optional<Field> find(String name) {
        int index = indexOf(name);
        return index < 0 ? Optional.empty() : Optional.of(fields.get(index));
    }

    /**
     * The field of that name.
     *
     * @throws SchemaException naming the nearest column and the available ones when there is none
     */
    public Field field(String name) {
        int index = indexOf(name);
        if (index < 0) {
            throw SchemaException.unknownColumn(name, names());
        }
        return fields.get(index);
    }

    /** The field at a position. */
    public Field field(int index) {
        return fields.get(index);
    }

    /** This schema with one column added at the end, or replaced in place if the name exists. */
    public Schema withField(Field field) {
        List<Field> out = new ArrayList<>(fields);
        int index = indexOf(field.name());
        if (index >= 0) {
            out.set(index, field);
        } else {
            out.add(field);
        }
        return new Schema(out);
    }

    /** The canonical text form, e.g. {@code (user_id INT64, revenue FLOAT64)}. */
    @Override
    public String toString() {
        return fields.stream().map(Field::toString).collect(Collectors.joining(", ", "(", ")"));
    }

    /** Nearest column for "did you mean" hints; used by {@link ErrorMessages}. */
    public Optional<String> nearest(String name) {
        return ErrorMessages.nearest(name, names());
    }
}
