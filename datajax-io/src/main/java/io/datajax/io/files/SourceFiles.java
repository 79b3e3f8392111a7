package io.datajax.io.files;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.ResourceException;
import io.datajax.ir.error.SchemaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files a file-format source reads: a single file, or the files of a directory whose names end with the
 * format's extension (hidden files, starting with {@code .} or {@code _}, left out), sorted by name.
 */
public final class SourceFiles {
    private SourceFiles() {
    }

    /**
     * The files of {@code fileOrDirectory} for a source of format {@code format} (extension without the dot), as
     * absolute normalised paths.
     *
     * @throws ResourceException IO_FAILED when the path does not exist or the directory cannot be listed
     * @throws SchemaException INVALID_ARGUMENT when a directory holds no file of the format
     */
    public static List<String> list(Path fileOrDirectory, String extension, String format) {
        requireNonNull(fileOrDirectory, "fileOrDirectory is null");
        Path path = fileOrDirectory.toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            throw new ResourceException(ErrorCode.IO_FAILED, "No file or directory " + path + " for the " + format
                    + " source. Check the path; a directory must hold *." + extension + " files.", null);
        }
        if (!Files.isDirectory(path)) {
            return List.of(path.toString());
        }
        List<String> files = new ArrayList<>();
        List<String> others = new ArrayList<>();
        try (Stream<Path> entries = Files.list(path)) {
            for (Path entry : (Iterable<Path>) entries.sorted()::iterator) {
                String name = entry.getFileName().toString();
                if (name.startsWith(".") || name.startsWith("_") || !Files.isRegularFile(entry)) {
                    continue;
                }
                if (name.endsWith("." + extension)) {
                    files.add(entry.toString());
                } else {
                    others.add(name);
                }
            }
        } catch (IOException e) {
            throw new ResourceException(ErrorCode.IO_FAILED, "Could not list the directory " + path + " of the "
                    + format + " source: " + e + ". Check its permissions.", e);
        }
        if (files.isEmpty()) {
            throw new SchemaException(ErrorCode.INVALID_ARGUMENT, "Directory " + path + " holds no *." + extension
                    + " file for the " + format + " source" + (others.isEmpty() ? " (it is empty)" : " (it holds "
                    + (others.size() > 5 ? others.subList(0, 5) + " and " + (others.size() - 5) + " more" : others)
                    + ")") + ". Point the source at a ." + extension + " file or a directory of them.");
        }
        return List.copyOf(files);
    }
}
