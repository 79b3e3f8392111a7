package io.datajax.io;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * A part file a sink wrote.
 *
 * @param file the file name inside the output directory, e.g. {@code part-00001.csv}
 * @param rows the rows it holds
 * @param bytes its size
 */
public record WrittenPart(String file, long rows, long bytes) implements Serializable {
    public WrittenPart {
        requireNonNull(file, "file is null");
    }
}
