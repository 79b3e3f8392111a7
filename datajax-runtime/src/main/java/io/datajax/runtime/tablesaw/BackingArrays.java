package io.datajax.runtime.tablesaw;

import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;

/**
 * Read access to the primitive arrays behind Tablesaw's {@code DoubleColumn}, {@code IntColumn},
 * {@code LongColumn} and {@code DateColumn}. Tablesaw 0.44 keeps them in fastutil lists in a protected
 * field {@code data} and has no public accessor (its {@code asDoubleArray()} and the like copy), so the
 * field is read reflectively, through a {@link VarHandle} looked up once. Where the lookup fails (another
 * Tablesaw version without that field, or a module layer that does not open {@code tech.tablesaw.api})
 * or the column is a subclass, every method returns null and callers fall back to Tablesaw's public API.
 *
 * <p>An array returned here belongs to the caller's table: it is never written, and it must never reach an
 * output table.
 */
final class BackingArrays {
    private static final Logger LOG = LoggerFactory.getLogger(BackingArrays.class);

    private static final VarHandle DOUBLES = find(DoubleColumn.class, DoubleArrayList.class);
    private static final VarHandle INTS = find(IntColumn.class, IntArrayList.class);
    private static final VarHandle LONGS = find(LongColumn.class, LongArrayList.class);
    private static final VarHandle DATES = find(DateColumn.class, IntArrayList.class);

    private BackingArrays() {
    }

    private static VarHandle find(Class<?> owner, Class<?> listType) {
        try {
            return MethodHandles.privateLookupIn(owner, MethodHandles.lookup()).findVarHandle(owner, "data", listType);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("cannot read the values of {} in place ({}); they will be copied", owner.getSimpleName(), e.toString());
            return null;
        }
    }

    /**
     * The array behind the column when it holds exactly the column's values (no spare capacity, as in columns
     * created from an array), so that it can stand for the column; otherwise null.
     */
    static double[] doubles(DoubleColumn column) {
        if (DOUBLES == null || column.getClass() != DoubleColumn.class) {
            return null;
        }
        DoubleArrayList list = (DoubleArrayList) DOUBLES.get(column);
        return list == null || list.size() != column.size() || list.elements().length != list.size() ? null
                : list.elements();
    }

    /** As {@link #doubles}. */
    static int[] ints(IntColumn column) {
        if (INTS == null || column.getClass() != IntColumn.class) {
            return null;
        }
        IntArrayList list = (IntArrayList) INTS.get(column);
        return list == null || list.size() != column.size() || list.elements().length != list.size() ? null
                : list.elements();
    }

    /** As {@link #doubles}. */
    static long[] longs(LongColumn column) {
        if (LONGS == null || column.getClass() != LongColumn.class) {
            return null;
        }
        LongArrayList list = (LongArrayList) LONGS.get(column);
        return list == null || list.size() != column.size() || list.elements().length != list.size() ? null
                : list.elements();
    }

    /**
     * The array whose first {@code size()} entries are the column's packed dates (it may be longer), or null when
     * it cannot be read in place.
     */
    static int[] packedDates(DateColumn column) {
        if (DATES == null || column.getClass() != DateColumn.class) {
            return null;
        }
        IntArrayList list = (IntArrayList) DATES.get(column);
        return list == null || list.size() != column.size() ? null : list.elements();
    }
}
