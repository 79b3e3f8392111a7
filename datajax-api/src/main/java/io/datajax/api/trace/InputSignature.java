package io.datajax.api.trace;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.Schema;
import io.datajax.ir.Sharding;
import io.datajax.ir.source.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a traced plan depends on: each input's name, schema and sharding, plus the executor and planner
 * settings. Two calls with equal signatures reuse one plan.
 *
 * @param names input names, in input-index order
 * @param schemas input schemas, same order
 * @param shardings declared input shardings, same order
 * @param sources per input, the source it is read from, or empty for an in-memory table (a source is part
 *     of the plan, so another source is another plan)
 * @param settings executor name, parallelism and disabled rules, as canonical text
 */
public record InputSignature(List<String> names, List<Schema> schemas, List<Sharding> shardings,
        List<Optional<DataSource>> sources, String settings) {
    public InputSignature {
        names = List.copyOf(requireNonNull(names, "names is null"));
        schemas = List.copyOf(requireNonNull(schemas, "schemas is null"));
        shardings = List.copyOf(requireNonNull(shardings, "shardings is null"));
        sources = List.copyOf(requireNonNull(sources, "sources is null"));
        requireNonNull(settings, "settings is null");
        if (sources.size() != names.size()) {
            throw new IllegalArgumentException(sources.size() + " source entries for " + names.size() + " inputs");
        }
    }

    /** A signature of in-memory tables only. */
    public InputSignature(List<String> names, List<Schema> schemas, List<Sharding> shardings, String settings) {
        this(names, schemas, shardings, java.util.Collections.nCopies(names.size(), Optional.empty()), settings);
    }

    /** Why {@code this} differs from {@code previous}, for the DEBUG log of a cache miss. */
    public String differenceFrom(InputSignature previous) {
        if (previous == null) {
            return "first call";
        }
        List<String> reasons = new ArrayList<>();
        if (!names.equals(previous.names)) {
            reasons.add("input names " + previous.names + " -> " + names);
        }
        for (int i = 0; i < Math.min(schemas.size(), previous.schemas.size()); i++) {
            if (!schemas.get(i).equals(previous.schemas.get(i))) {
                reasons.add("input " + i + " (" + names.get(i) + ") schema " + previous.schemas.get(i) + " -> " + schemas.get(i));
            }
            if (!sources.get(i).equals(previous.sources.get(i))) {
                reasons.add("input " + i + " source " + previous.sources.get(i).map(DataSource::describe).orElse("table")
                        + " -> " + sources.get(i).map(DataSource::describe).orElse("table"));
            }
            if (!shardings.get(i).equals(previous.shardings.get(i))) {
                reasons.add("input " + i + " sharding " + previous.shardings.get(i) + " -> " + shardings.get(i));
            }
        }
        if (schemas.size() != previous.schemas.size()) {
            reasons.add("input count " + previous.schemas.size() + " -> " + schemas.size());
        }
        if (!settings.equals(previous.settings)) {
            reasons.add("settings " + previous.settings + " -> " + settings);
        }
        return reasons.isEmpty() ? "evicted earlier" : String.join("; ", reasons);
    }
}
