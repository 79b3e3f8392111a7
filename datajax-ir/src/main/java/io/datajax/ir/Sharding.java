package io.datajax.ir;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * How the rows of a frame or stage lie across the ranks of a mesh. Immutable.
 *
 * <p>Three kinds: {@link Replicated} (every rank holds all rows), {@link ByKey} (rows hashed on key
 * columns), {@link Blocks} (contiguous row ranges, the default for scattered input). Each may be bound
 * to a mesh axis; an unbound spec spans the whole mesh.
 */
public sealed interface Sharding extends Serializable permits Sharding.Replicated, Sharding.ByKey, Sharding.Blocks {

    /** The mesh axis this spec is bound to, if any. */
    Optional<String> axis();

    /** Every rank holds every row. */
    record Replicated(Optional<String> axis) implements Sharding {
        public Replicated {
            requireNonNull(axis, "axis is null");
        }

        private Object writeReplace() {
            return new SerialForm("replicated", List.of(), axis.orElse(null));
        }

        @Override
        public String toString() {
            return "replicated" + axis.map(a -> "@" + a).orElse("");
        }
    }

    /** Rows are placed by a hash of the key columns. */
    record ByKey(List<String> keys, Optional<String> axis) implements Sharding {
        public ByKey {
            keys = List.copyOf(requireNonNull(keys, "keys is null"));
            requireNonNull(axis, "axis is null");
            if (keys.isEmpty()) {
                throw new IllegalArgumentException("byKey needs at least one key column");
            }
        }

        private Object writeReplace() {
            return new SerialForm("byKey", keys, axis.orElse(null));
        }

        @Override
        public String toString() {
            return "byKey(" + String.join(", ", keys) + ")" + axis.map(a -> "@" + a).orElse("");
        }
    }

    /** Contiguous row ranges, one per rank, in rank order. */
    record Blocks(Optional<String> axis) implements Sharding {
        public Blocks {
            requireNonNull(axis, "axis is null");
        }

        private Object writeReplace() {
            return new SerialForm("blocks", List.of(), axis.orElse(null));
        }

        @Override
        public String toString() {
            return "blocks" + axis.map(a -> "@" + a).orElse("");
        }
    }

    /** Serial form of every spec: {@link Optional} is not serializable. */
    record SerialForm(String kind, List<String> keys, String axis) implements Serializable {
        private Object readResolve() {
            Optional<String> bound = Optional.ofNullable(axis);
            return switch (kind) {
                case "replicated" -> new Replicated(bound);
                case "byKey" -> new ByKey(keys, bound);
                case "blocks" -> new Blocks(bound);
                default -> throw new IllegalArgumentException("unknown sharding kind " + kind);
            };
        }
    }

    /** Every rank holds every row, across the whole mesh. */
    static Sharding replicated() {
        return new Replicated(Optional.empty());
    }

    /** Hash placement on the given key columns, across the whole mesh. */
    static Sharding byKey(String... keys) {
        return new ByKey(List.of(keys), Optional.empty());
    }

    /** Hash placement on the given key columns, across the whole mesh. */
    static Sharding byKey(List<String> keys) {
        return new ByKey(keys, Optional.empty());
    }

    /** Contiguous row ranges across the whole mesh. */
    static Sharding blocks() {
        return new Blocks(Optional.empty());
    }
}
