package io.datajax.runtime.source;

import static java.util.Objects.requireNonNull;

import io.datajax.io.FileSource;
import io.datajax.io.ReadRequest;
import io.datajax.io.ReadStats;
import io.datajax.io.Reject;
import io.datajax.io.SourcePart;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.ExecutionException;
import io.datajax.ir.plan.SourceScan;
import io.datajax.ir.source.DataSource;
import io.datajax.runtime.arrow.ArrowBatchBuilder;
import io.datajax.runtime.arrow.ProcessAllocator;
import io.datajax.runtime.column.Batch;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;
import org.apache.arrow.memory.BufferAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the parts of a {@link SourceScan} into one batch. Stateless. */
public final class SourceReads {
    private static final Logger LOG = LoggerFactory.getLogger(SourceReads.class);
    private static final int REJECTS_LOGGED = 10;

    private SourceReads() {
    }

    /**
     * What a read produced.
     *
     * @param batch the rows, with the scan's columns
     * @param stats rows, bytes read and rejects
     * @param partsRead the parts read
     * @param partsSkipped the parts statistics ruled out (0 when the caller chose the parts)
     * @param skippedBytes the stored bytes of the skipped parts
     */
    public record Result(Batch batch, ReadStats stats, int partsRead, int partsSkipped, long skippedBytes) {
        /**
         * The line {@code explain} shows for the read, e.g.
         * {@code read 3 parts (48,120 bytes), 7 skipped by statistics (210,400 bytes)}.
         */
        public String note() {
            StringBuilder note = new StringBuilder("read ").append(partsRead).append(partsRead == 1 ? " part" : " parts")
                    .append(" (").append(bytes(stats.bytesRead())).append(')');
            if (partsSkipped > 0) {
                note.append(", ").append(partsSkipped).append(" skipped by statistics (").append(bytes(skippedBytes))
                        .append(')');
            }
            if (!stats.rejects().isEmpty()) {
                note.append(", ").append(stats.rejects().size()).append(" rows rejected");
            }
            return note.toString();
        }
    }

    /** The file source behind {@code scan}; an error when no reader of {@code datajax-io} can read it. */
    public static FileSource fileSource(SourceScan scan) {
        DataSource source = scan.source();
        if (source instanceof FileSource file) {
            return file;
        }
        throw new ExecutionException(ErrorCode.INVALID_PLAN, "Source " + source.describe() + " ("
                + source.getClass().getName() + ") cannot be read by this executor: it is not a"
                + " io.datajax.io.FileSource. Make sources with io.datajax.io.Sources.");
    }

    /** The read request of {@code scan}: its columns and its skipping filter. */
    public static ReadRequest request(SourceScan scan) {
        return new ReadRequest(scan.schema().names(), scan.filter(), ReadRequest.DEFAULT_BATCH_ROWS);
    }

    /** Reads every part of {@code scan} that its statistics do not rule out, on the calling thread. */
    public static Result readAll(SourceScan scan) {
        return readAll(scan, 1, (count, task) -> {
            for (int i = 0; i < count; i++) {
                task.accept(i);
            }
        });
    }

    /**
     * Reads every part of {@code scan} that its statistics do not rule out, in up to {@code workers} contiguous
     * groups of parts run by {@code runner} (which runs tasks {@code [0, count)} and waits for all); the
     * groups' rows are joined in part order, so the result does not depend on {@code workers}.
     */
    public static Result readAll(SourceScan scan, int workers, BiConsumer<Integer, IntConsumer> runner) {
        FileSource source = fileSource(scan);
        FileSource.Parts parts = source.parts(request(scan));
        List<SourcePart> all = parts.parts();
        int groups = Math.max(1, Math.min(workers, all.size()));
        Result[] results = new Result[groups];
        runner.accept(groups, g -> results[g] = read(scan, all.subList((int) ((long) all.size() * g / groups),
                (int) ((long) all.size() * (g + 1) / groups))));
        List<Batch> batches = new ArrayList<>(groups);
        ReadStats stats = ReadStats.NONE;
        for (Result result : results) {
            batches.add(result.batch());
            stats = stats.plus(result.stats());
        }
        return new Result(Batch.concat(scan.schema(), batches), stats, all.size(), parts.skipped(),
                parts.skippedBytes());
    }

    /**
     * Reads rank {@code rank}'s block of the parts of {@code scan} among {@code ranks} ranks: parts
     * {@code [P*rank/ranks, P*(rank+1)/ranks)} of the {@code P} parts statistics do not rule out, so that the
     * ranks' blocks in rank order are the source's rows in order ({@code blocks} sharding). Every rank lists
     * the parts itself; they are the same on every rank for the same files.
     */
    public static Result readBlock(SourceScan scan, int rank, int ranks) {
        FileSource.Parts parts = fileSource(scan).parts(request(scan));
        int count = parts.parts().size();
        int from = (int) ((long) count * rank / ranks);
        int to = (int) ((long) count * (rank + 1) / ranks);
        Result read = read(scan, parts.parts().subList(from, to));
        return new Result(read.batch(), read.stats(), read.partsRead(), rank == 0 ? parts.skipped() : 0,
                rank == 0 ? parts.skippedBytes() : 0);
    }

    /** Reads {@code parts} of {@code scan} (e.g. the ones assigned to this rank), in order. */
    public static Result read(SourceScan scan, List<SourcePart> parts) {
        requireNonNull(parts, "parts is null");
        FileSource source = fileSource(scan);
        ReadRequest request = request(scan);
        ArrowBatchBuilder builder = new ArrowBatchBuilder(scan.schema(), 1024);
        ReadStats stats = ReadStats.NONE;
        try (BufferAllocator allocator = ProcessAllocator.child("read " + source.describe())) {
            for (SourcePart part : parts) {
                stats = stats.plus(source.read(part, request, allocator, builder::append));
            }
        }
        logRejects(source, stats.rejects());
        return new Result(builder.build(), stats, parts.size(), 0, 0);
    }

    private static void logRejects(DataSource source, List<Reject> rejects) {
        if (rejects.isEmpty()) {
            return;
        }
        LOG.warn("{} malformed rows of {} were rejected; the first: {}", rejects.size(), source.describe(),
                rejects.subList(0, Math.min(REJECTS_LOGGED, rejects.size())));
    }

    static String bytes(long bytes) {
        return String.format(Locale.ROOT, "%,d bytes", bytes);
    }
}
