package io.datajax.api.trace;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded, least-recently-used cache of compiled programs keyed by {@link InputSignature}, with
 * hit, miss and eviction counters. A miss logs its reason at DEBUG. Thread-safe.
 *
 * @param <V> the cached value
 */
public final class PlanCache<V> {
    private static final Logger LOG = LoggerFactory.getLogger(PlanCache.class);

    private final int capacity;
    private final LinkedHashMap<InputSignature, V> entries;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private final AtomicLong evictions = new AtomicLong();
    private InputSignature lastSignature;
    private String lastMissReason = "";

    /** A cache holding at most {@code capacity} plans. */
    public PlanCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<InputSignature, V> eldest) {
                boolean evict = size() > PlanCache.this.capacity;
                if (evict) {
                    evictions.incrementAndGet();
                }
                return evict;
            }
        };
    }

    /** A cached value and whether it was found (true) or just computed (false). */
    public record Lookup<V>(V value, boolean hit) {
    }

    /** The value for {@code signature}, computing and caching it on a miss. */
    public synchronized Lookup<V> get(InputSignature signature, Function<InputSignature, V> compute) {
        V cached = entries.get(signature);
        if (cached != null) {
            hits.incrementAndGet();
            lastSignature = signature;
            return new Lookup<>(cached, true);
        }
        misses.incrementAndGet();
        lastMissReason = signature.differenceFrom(lastSignature);
        LOG.debug("plan cache miss, tracing again: {}", lastMissReason);
        V value = compute.apply(signature);
        entries.put(signature, value);
        lastSignature = signature;
        return new Lookup<>(value, false);
    }

    /** The value for {@code signature} if cached, without counting a hit. */
    public synchronized Optional<V> peek(InputSignature signature) {
        return Optional.ofNullable(entries.get(signature));
    }

    /** Counters so far. */
    public synchronized CacheStats stats() {
        return new CacheStats(hits.get(), misses.get(), evictions.get(), entries.size(), lastMissReason);
    }
}
