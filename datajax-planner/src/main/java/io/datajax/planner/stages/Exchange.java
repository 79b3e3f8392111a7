package io.datajax.planner.stages;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A data movement between ranks that a stage needs before it runs, e.g. {@code Exchange[hash(user_id), 4]}.
 *
 * <p>A hash exchange bound to a mesh axis ({@code Exchange[hash(user_id)@data, 2]}) sends each row to the
 * {@code partitions} positions along that axis, and to every rank at that position (the row is replicated
 * along the mesh's other axes).
 *
 * @param kind how rows move
 * @param keys the hash or range keys (empty for broadcast and gather)
 * @param partitions how many destinations (positions along {@code axis} when bound)
 * @param axis the mesh axis the rows are placed along; empty for the whole mesh
 */
public record Exchange(Kind kind, List<String> keys, int partitions, Optional<String> axis) {
    public Exchange {
        requireNonNull(kind, "kind is null");
        keys = List.copyOf(requireNonNull(keys, "keys is null"));
        requireNonNull(axis, "axis is null");
        if (axis.isPresent() && kind != Kind.HASH) {
            throw new IllegalArgumentException("only a hash exchange is bound to a mesh axis, not " + kind);
        }
    }

    /** An exchange across the whole mesh. */
    public Exchange(Kind kind, List<String> keys, int partitions) {
        this(kind, keys, partitions, Optional.empty());
    }

    /** Exchange kinds. */
    public enum Kind {
        HASH,
        BROADCAST,
        RANGE,
        GATHER;
    }

    @Override
    public String toString() {
        String what = switch (kind) {
            case HASH -> "hash(" + String.join(", ", keys) + ")" + axis.map(a -> "@" + a).orElse("");
            case RANGE -> "range(" + String.join(", ", keys) + ")";
            case BROADCAST -> "broadcast";
            case GATHER -> "gather";
        };
        return "Exchange[" + what + ", " + partitions + "]";
    }
}
