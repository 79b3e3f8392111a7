package io.datajax.api.trace;

/**
 * Plan cache counters of one jitted function.
 *
 * @param hits calls that reused a plan
 * @param misses calls that traced (each miss is one trace)
 * @param evictions plans dropped to stay within the capacity
 * @param size plans held now
 * @param lastMissReason why the last miss happened ("first call", "input 0 (df) schema ... -> ...")
 */
public record CacheStats(long hits, long misses, long evictions, int size, String lastMissReason) {
    /** How many times the function was traced. */
    public long traces() {
        return misses;
    }
}
