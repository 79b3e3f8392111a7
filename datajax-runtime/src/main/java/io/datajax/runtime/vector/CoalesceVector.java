package io.datajax.runtime.vector;

import io.datajax.ir.DataType;
import java.util.List;

/** The first non-null of several expressions of one type, per row (every argument is evaluated). */
final class CoalesceVector extends VectorExpr {
    private final List<VectorExpr> arguments;
    private final Vec[] values;

    CoalesceVector(DataType type, List<VectorExpr> arguments) {
        super(type, arguments.stream().allMatch(VectorExpr::nullable));
        this.arguments = List.copyOf(arguments);
        this.values = new Vec[arguments.size()];
    }

    @Override
    public void eval(int[] sel, int n, Vec out) {
        for (int a = 0; a < values.length; a++) {
            values[a] = LogicalVector.scratch(values[a], arguments.get(a), n, out);
            arguments.get(a).eval(sel, n, values[a]);
        }
        int last = values.length - 1;
        boolean anyNull = false;
        for (int i = 0; i < n; i++) {
            int a = 0;
            while (a < last && values[a].isNull(i)) {
                a++;
            }
            Vec from = values[a];
            if (out.longs != null) {
                out.longs[i] = from.longs[i];
            } else if (out.doubles != null) {
                out.doubles[i] = from.doubles[i];
            } else if (out.strings != null) {
                out.strings[i] = from.strings[i];
            } else {
                out.bools[i] = from.bools[i];
            }
            boolean isNull = from.isNull(i);
            out.nulls[i] = isNull;
            anyNull |= isNull;
        }
        out.hasNulls = anyNull;
    }
}
