package io.datajax.api;

import static java.util.Objects.requireNonNull;

/**
 * What a {@link ScanBody} returns for one chunk (traced frames).
 *
 * @param carry the carried table for the next chunk: the same column names and types as the carry given
 * @param output this chunk's output
 */
public record ScanStep(Frame carry, Frame output) {
    public ScanStep {
        requireNonNull(carry, "carry is null: a scan body must return the next carry");
        requireNonNull(output, "output is null: a scan body must return an output frame (e.g. the carry itself)");
    }

    /** The step of {@code carry} and {@code output}. */
    public static ScanStep of(Frame carry, Frame output) {
        return new ScanStep(carry, output);
    }
}
