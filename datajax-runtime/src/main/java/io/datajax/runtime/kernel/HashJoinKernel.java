package io.datajax.runtime.kernel;

import io.datajax.ir.DataType;
import io.datajax.ir.Field;
import io.datajax.ir.Schema;
import io.datajax.ir.plan.Join;
import io.datajax.ir.plan.JoinColumn;
import io.datajax.ir.plan.JoinType;
import io.datajax.runtime.column.Batch;
import io.datajax.runtime.column.Column;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An equi-join by a hash table built on the right input and probed with the left, for every
 * {@link JoinType}. Keys compare after promotion to {@link Join#keyTypes()} (INT32 1 matches INT64 1 and
 * FLOAT64 1.0); null keys never match unless {@link Join#nullsEqual()}. The output layout is
 * {@link Join#columns()}; a coalesced key takes the left value when the row has a left side, else the
 * right one.
 *
 * <p>Order: left rows in order, each followed by its matches in right order (unmatched left rows in place
 * for LEFT and FULL), then unmatched right rows in right order for RIGHT and FULL. SEMI keeps each left
 * row with a match once, ANTI each left row without one, both in left order.
 */
public final class HashJoinKernel {
    private HashJoinKernel() {
    }

    /** Joins {@code left} and {@code right} (the data of {@code join.left()} and {@code join.right()}). */
    public static Batch join(Join join, Batch left, Batch right) {
        return join(join, left, right, new MemoryMeter());
    }

    /** As {@link #join(Join, Batch, Batch)}, recording working memory in {@code meter}. */
    public static Batch join(Join join, Batch left, Batch right, MemoryMeter meter) {
        List<DataType> keyTypes = join.keyTypes();
        int keyCount = keyTypes.size();
        List<Column> leftKeys = new ArrayList<>(keyCount);
        List<Column> rightKeys = new ArrayList<>(keyCount);
        for (int k = 0; k < keyCount; k++) {
            leftKeys.add(CastKernel.promote(left.column(join.leftKeys().get(k)), keyTypes.get(k)));
            rightKeys.add(CastKernel.promote(right.column(join.rightKeys().get(k)), keyTypes.get(k)));
        }
        KeyEncoder encoder = new KeyEncoder(keyCount);
        EncodedKeys build = encoder.encode(rightKeys, true);
        EncodedKeys probe = encoder.encode(leftKeys, false);

        int rightRows = right.rowCount();
        KeyTable table = new KeyTable(keyCount, rightRows);
        int[] head = new int[rightRows];
        int[] tail = new int[rightRows];
        int[] next = new int[rightRows];
        Arrays.fill(head, -1);
        Arrays.fill(next, -1);
        for (int row = 0; row < rightRows; row++) {
            if (build.anyNull(row) && !join.nullsEqual()) {
                continue;
            }
            int id = table.findOrInsert(build, row);
            if (head[id] < 0) {
                head[id] = row;
            } else {
                next[tail[id]] = row;
            }
            tail[id] = row;
        }
        meter.add(table.estimatedBytes() + encoder.estimatedBytes() + 12L * rightRows
                + 8L * keyCount * (rightRows + left.rowCount()));

        JoinType type = join.type();
        IntArrayBuilder leftOut = new IntArrayBuilder(left.rowCount());
        IntArrayBuilder rightOut = new IntArrayBuilder(type.outputsRight() ? left.rowCount() : 0);
        boolean[] rightMatched = new boolean[type.keepsUnmatchedRight() ? rightRows : 0];
        for (int row = 0; row < left.rowCount(); row++) {
            int id = probe.anyNull(row) && !join.nullsEqual() ? -1 : table.find(probe, row);
            int match = id < 0 ? -1 : head[id];
            switch (type) {
                case SEMI -> {
                    if (match >= 0) {
                        leftOut.add(row);
                    }
                }
                case ANTI -> {
                    if (match < 0) {
                        leftOut.add(row);
                    }
                }
                default -> {
                    if (match < 0 && type.keepsUnmatchedLeft()) {
                        leftOut.add(row);
                        rightOut.add(-1);
                    }
                    for (; match >= 0; match = next[match]) {
                        leftOut.add(row);
                        rightOut.add(match);
                        if (rightMatched.length > 0) {
                            rightMatched[match] = true;
                        }
                    }
                }
            }
        }
        if (type.keepsUnmatchedRight()) {
            for (int row = 0; row < rightRows; row++) {
                if (!rightMatched[row]) {
                    leftOut.add(-1);
                    rightOut.add(row);
                }
            }
        }
        return assemble(join.columns(), left, right, leftOut.toArray(), type.outputsRight() ? rightOut.toArray() : null);
    }

    private static Batch assemble(List<JoinColumn> layout, Batch left, Batch right, int[] leftRows, int[] rightRows) {
        List<Field> fields = new ArrayList<>(layout.size());
        List<Column> columns = new ArrayList<>(layout.size());
        for (JoinColumn source : layout) {
            Field field = source.field();
            fields.add(field);
            if (source.isCoalesced()) {
                Column fromLeft = CastKernel.promote(left.column(source.leftIndex()), field.type());
                Column fromRight = CastKernel.promote(right.column(source.rightIndex()), field.type());
                int[] rows = new int[leftRows.length];
                for (int i = 0; i < rows.length; i++) {
                    rows[i] = leftRows[i] >= 0 ? leftRows[i] : rightRows[i] >= 0 ? left.rowCount() + rightRows[i] : -1;
                }
                columns.add(fromLeft.concat(fromRight).gather(rows));
            } else if (source.leftIndex() >= 0) {
                columns.add(left.column(source.leftIndex()).gather(leftRows));
            } else {
                columns.add(right.column(source.rightIndex()).gather(rightRows));
            }
        }
        return new Batch(new Schema(fields), columns, leftRows.length);
    }
}
