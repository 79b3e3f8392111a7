package io.datajax.ir.plan;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.Field;
import io.datajax.ir.Schema;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.SchemaException;
import java.util.ArrayList;
import java.util.List;

/**
 * Every row of {@code left}, then every row of {@code right} (UNION ALL; duplicates kept). Both sides have the
 * same column names and types in the same order ({@code Frame.union} matches columns by name and casts to the
 * wider numeric type first); a column is nullable when it is on either side.
 */
public record Union(PlanNode left, PlanNode right) implements PlanNode {
    public Union {
        requireNonNull(left, "left is null");
        requireNonNull(right, "right is null");
        List<Field> l = left.schema().fields();
        List<Field> r = right.schema().fields();
        boolean same = l.size() == r.size();
        for (int i = 0; same && i < l.size(); i++) {
            same = l.get(i).name().equals(r.get(i).name()) && l.get(i).type() == r.get(i).type();
        }
        if (!same) {
            throw new SchemaException(ErrorCode.TYPE_MISMATCH, "A union needs the same columns and types on both"
                    + " sides, in one order; got " + left.schema() + " and " + right.schema() + ".");
        }
    }

    @Override
    public Schema schema() {
        List<Field> l = left.schema().fields();
        List<Field> r = right.schema().fields();
        List<Field> out = new ArrayList<>(l.size());
        for (int i = 0; i < l.size(); i++) {
            out.add(new Field(l.get(i).name(), l.get(i).type(), l.get(i).nullable() || r.get(i).nullable()));
        }
        return new Schema(out);
    }

    @Override
    public List<PlanNode> inputs() {
        return List.of(left, right);
    }

    @Override
    public PlanNode withInputs(List<PlanNode> inputs) {
        return new Union(inputs.get(0), inputs.get(1));
    }

    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visitUnion(this);
    }

    @Override
    public String toString() {
        return "Union[all]";
    }
}
