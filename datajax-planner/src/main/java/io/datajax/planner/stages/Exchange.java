package io.datajax.planner.stages;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A data movement between ranks that a stage needs before it runs, e.g. {@code Exchange[hash(user_id), 4]}.
 *
 * @param kind how rows move
 * @param keys the hash or range keys (empty for broadcast and gather)
 * @param partitions how many destinations
 */
public record Exchange(Kind kind, List<String> keys, int partitions) {
    public Exchange {
        requireNonNull(kind, "kind is null");
        keys = List.copyOf(requireNonNull(keys, "keys is null"));
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
            case HASH -> "hash(" + String.join(", ", keys) + ")";
            case RANGE -> "range(" + String.join(", ", keys) + ")";
            case BROADCAST -> "broadcast";
            case GATHER -> "gather";
        };
        return "Exchange[" + what + ", " + partitions + "]";
    }
}
