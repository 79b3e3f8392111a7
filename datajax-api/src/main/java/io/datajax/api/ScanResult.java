package io.datajax.api;

import static java.util.Objects.requireNonNull;

import java.util.List;
import tech.tablesaw.api.Table;

/**
 * The result of a {@link ScanFunction} run.
 *
 * @param carry the carry after the last chunk (the initial carry when there were no chunks)
 * @param outputs one output per chunk, in chunk order (empty when the outputs were streamed to a consumer)
 */
public record ScanResult(Table carry, List<Table> outputs) {
    public ScanResult {
        requireNonNull(carry, "carry is null");
        outputs = List.copyOf(requireNonNull(outputs, "outputs is null"));
    }
}
