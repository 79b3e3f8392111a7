package io.datajax.api;

/**
 * The body of a {@link ScanFunction}: from the carried table and the next chunk, the next carried table and this
 * chunk's output. Traced once, like a {@code djit} function; the carry it returns must have the columns and types
 * of the carry it was given.
 */
@FunctionalInterface
public interface ScanBody {
    ScanStep apply(Frame carry, Frame chunk);
}
