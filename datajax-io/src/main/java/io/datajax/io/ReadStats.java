package io.datajax.io;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * What reading one or more parts did.
 *
 * @param rows rows handed to the consumer
 * @param bytesRead bytes read from storage (a projection that skips column chunks reads fewer)
 * @param rejects malformed rows left out, for sources that reject instead of failing
 */
public record ReadStats(long rows, long bytesRead, List<Reject> rejects) {
    /** Nothing read. */
    public static final ReadStats NONE = new ReadStats(0, 0, List.of());

    public ReadStats {
        rejects = List.copyOf(requireNonNull(rejects, "rejects is null"));
    }

    /** The sum of this and {@code other}; rejects in order, this one's first. */
    public ReadStats plus(ReadStats other) {
        List<Reject> all = new ArrayList<>(rejects);
        all.addAll(other.rejects);
        return new ReadStats(rows + other.rows, bytesRead + other.bytesRead, all);
    }
}
