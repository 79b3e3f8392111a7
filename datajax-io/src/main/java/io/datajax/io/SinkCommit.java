package io.datajax.io;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.ResourceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The atomic-output protocol of a sink: parts are written into a hidden temporary directory beside the target,
 * then a manifest, then the directory is renamed into place. A failed or interrupted write leaves at most the
 * hidden directory (removed by {@link #abort}), never a partial output where the output was meant to be.
 *
 * <p>Layout of a committed output: {@code part-00000.<ext>}, {@code part-00001.<ext>}, ... in row order, and
 * {@code _manifest.json} listing each part's rows and bytes.
 */
public final class SinkCommit {
    /** The manifest's file name in a committed output directory. */
    public static final String MANIFEST = "_manifest.json";

    private static final Logger LOG = LoggerFactory.getLogger(SinkCommit.class);

    private SinkCommit() {
    }

    /**
     * Creates the temporary directory for a new output of {@code sink}.
     *
     * @throws ResourceException TARGET_EXISTS when the target exists and the sink does not overwrite, or
     *     IO_FAILED when the directory cannot be created
     */
    public static Path begin(FileSink sink) {
        requireNonNull(sink, "sink is null");
        Path target = Path.of(sink.directory()).toAbsolutePath().normalize();
        if (Files.exists(target) && !sink.overwrite()) {
            throw new ResourceException(ErrorCode.TARGET_EXISTS, "Output directory " + target + " already exists."
                    + " Choose a new directory, delete it, or write with overwrite (e.g. Sinks.csv(dir).overwriting()).",
                    null);
        }
        Path temp = target.resolveSibling("." + target.getFileName() + ".tmp-" + UUID.randomUUID());
        try {
            Files.createDirectories(temp);
        } catch (IOException e) {
            throw failed("create the temporary output directory " + temp, e);
        }
        return temp;
    }

    /** The file name of part {@code index} of {@code sink}: {@code part-00003.csv}. */
    public static String partName(FileSink sink, int index) {
        return String.format(Locale.ROOT, "part-%05d.%s", index, sink.extension());
    }

    /**
     * Writes the manifest of {@code parts} into {@code temp} and moves {@code temp} to the sink's directory
     * (replacing an existing one when the sink overwrites).
     *
     * @return the committed directory
     */
    public static Path commit(FileSink sink, Path temp, List<WrittenPart> parts) {
        Path target = Path.of(sink.directory()).toAbsolutePath().normalize();
        try {
            Files.writeString(temp.resolve(MANIFEST), manifest(sink, parts), StandardCharsets.UTF_8);
            Path old = null;
            if (Files.exists(target)) {
                if (!sink.overwrite()) {
                    throw new ResourceException(ErrorCode.TARGET_EXISTS, "Output directory " + target
                            + " appeared while the output was written; nothing was replaced. The new output is"
                            + " left in " + temp + ".", null);
                }
                old = target.resolveSibling("." + target.getFileName() + ".old-" + UUID.randomUUID());
                move(target, old);
            }
            move(temp, target);
            if (old != null) {
                deleteTree(old);
            }
            LOG.debug("committed {} parts to {}", parts.size(), target);
            return target;
        } catch (IOException e) {
            throw failed("commit the output " + target, e);
        }
    }

    /** Removes the temporary directory of a failed write; never throws. */
    public static void abort(Path temp) {
        try {
            deleteTree(temp);
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not remove the temporary output directory {}: {}", temp, e.toString());
        }
    }

    static String manifest(FileSink sink, List<WrittenPart> parts) {
        StringBuilder json = new StringBuilder();
        long rows = 0;
        json.append("{\n  \"format\": \"").append(sink.format()).append("\",\n  \"parts\": [");
        for (int i = 0; i < parts.size(); i++) {
            WrittenPart part = parts.get(i);
            rows += part.rows();
            json.append(i == 0 ? "\n" : ",\n").append("    {\"file\": \"").append(part.file()).append("\", \"rows\": ")
                    .append(part.rows()).append(", \"bytes\": ").append(part.bytes()).append('}');
        }
        json.append(parts.isEmpty() ? "],\n" : "\n  ],\n").append("  \"rows\": ").append(rows).append("\n}\n");
        return json.toString();
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static ResourceException failed(String what, IOException e) {
        return new ResourceException(ErrorCode.IO_FAILED, "Could not " + what + ": " + e + ". Check the path and"
                + " its permissions and free space.", e);
    }
}
