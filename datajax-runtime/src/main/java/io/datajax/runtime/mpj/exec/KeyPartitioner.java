package io.datajax.runtime.mpj.exec;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.DataType;
import io.datajax.runtime.column.Batch;
import io.datajax.runtime.column.Column;
import io.datajax.runtime.column.StringColumn;
import io.datajax.runtime.kernel.ValueOrder;
import java.util.List;

/**
 * Hash placement of rows by key values: a pure function of the key values and the rank count, the same
 * on the driver and on every rank, so {@code byKey} data lies where its hash names.
 *
 * <p>Each key is hashed as its <em>hash type</em>: for a join, the type both sides unify to
 * ({@link io.datajax.ir.plan.Join#keyTypes()}), so an INT32 {@code 7}, an INT64 {@code 7} and, when the
 * pair unifies to FLOAT64, a FLOAT64 {@code 7.0} land on the same rank. FLOAT64 keys are hashed through
 * {@link ValueOrder#doubleKey} ({@code -0.0} with {@code 0.0}, every NaN alike); integer, BOOLEAN, DATE and
 * TIMESTAMP keys as their long value; strings by their characters. A null key hashes to a fixed value, so
 * null groups and null keys that match ({@code nullsEqual}) meet on one rank.
 */
final class KeyPartitioner {
    private static final long NULL_HASH = 0x9E3779B97F4A7C15L;

    private KeyPartitioner() {
    }

    /**
     * The destination rank of every row of {@code batch}.
     *
     * @param keys the key column names
     * @param hashTypes per key, the type to hash it as
     * @param ranks the number of ranks
     */
    static int[] destinations(Batch batch, List<String> keys, List<DataType> hashTypes, int ranks) {
        requireNonNull(batch, "batch is null");
        if (keys.size() != hashTypes.size() || keys.isEmpty()) {
            throw new IllegalArgumentException("keys " + keys + " and hash types " + hashTypes + " differ");
        }
        int rows = batch.rowCount();
        long[] hashes = new long[rows];
        for (int k = 0; k < keys.size(); k++) {
            Column column = batch.column(keys.get(k));
            DataType as = hashTypes.get(k);
            for (int r = 0; r < rows; r++) {
                hashes[r] = hashes[r] * 31 + mix(valueHash(column, r, as));
            }
        }
        int[] out = new int[rows];
        for (int r = 0; r < rows; r++) {
            out[r] = (int) Long.remainderUnsigned(mix(hashes[r]), ranks);
        }
        return out;
    }

    /**
     * An order-independent checksum of every row of {@code batch} (each column hashed as its own type, as
     * for placement): equal multisets of rows give equal checksums.
     */
    static long checksum(Batch batch) {
        int rows = batch.rowCount();
        long[] hashes = new long[rows];
        for (int c = 0; c < batch.schema().size(); c++) {
            Column column = batch.column(c);
            DataType as = batch.schema().field(c).type();
            for (int r = 0; r < rows; r++) {
                hashes[r] = hashes[r] * 31 + mix(valueHash(column, r, as));
            }
        }
        long sum = 0;
        for (int r = 0; r < rows; r++) {
            sum += mix(hashes[r]);
        }
        return sum;
    }

    private static long valueHash(Column column, int row, DataType as) {
        if (column.isNull(row) || column.type() == DataType.NULL) {
            return NULL_HASH;
        }
        return switch (as) {
            case FLOAT64 -> ValueOrder.doubleKey(column.doubleAt(row));
            case STRING -> stringHash(((StringColumn) column).get(row));
            default -> column.longAt(row);
        };
    }

    /** A hash of a string's UTF-16 units; {@link String#hashCode} is specified, widened to 64 bits here. */
    private static long stringHash(String value) {
        long h = 1125899906842597L;
        for (int i = 0; i < value.length(); i++) {
            h = 31 * h + value.charAt(i);
        }
        return h;
    }

    /** The murmur3 64-bit finaliser. */
    private static long mix(long value) {
        long h = value;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
