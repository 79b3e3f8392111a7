package io.datajax.io;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * One independently readable piece of a source. Serialisable, so the driver can hand parts to ranks.
 *
 * @param file the file path
 * @param index the piece within the file, as its format counts (a Parquet row group, an Arrow record batch;
 *     0 for a whole file or a CSV byte range)
 * @param start first byte of the piece in the file (a CSV range starts at the first line that begins at or
 *     after it, or at 0)
 * @param length bytes from {@code start} (a CSV range holds the lines that begin before {@code start +
 *     length})
 */
public record SourcePart(String file, int index, long start, long length) implements Serializable {
    public SourcePart {
        requireNonNull(file, "file is null");
        if (index < 0 || start < 0 || length < 0) {
            throw new IllegalArgumentException("negative index, start or length: " + index + ", " + start + ", "
                    + length);
        }
    }
}
