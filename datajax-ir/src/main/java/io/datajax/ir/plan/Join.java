package io.datajax.ir.plan;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.DataType;
import io.datajax.ir.Field;
import io.datajax.ir.Schema;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.ErrorMessages;
import io.datajax.ir.error.SchemaException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An equi-join of two sub-plans on key columns.
 *
 * <p>Null keys never match unless {@code nullsEqual}. Output: the left columns, then the right ones; a
 * right key with its left key's name is coalesced into the left one's place; other names on both sides
 * get {@code leftSuffix} / {@code rightSuffix}. Key types must unify (numbers promote). Order: left
 * order, then right order within a key, then unmatched right rows in right order.
 */
public record Join(
        PlanNode left,
        PlanNode right,
        JoinType type,
        List<String> leftKeys,
        List<String> rightKeys,
        boolean nullsEqual,
        String leftSuffix,
        String rightSuffix)
        implements PlanNode {

    public Join {
        requireNonNull(left, "left is null");
        requireNonNull(right, "right is null");
        requireNonNull(type, "type is null");
        leftKeys = List.copyOf(requireNonNull(leftKeys, "leftKeys is null"));
        rightKeys = List.copyOf(requireNonNull(rightKeys, "rightKeys is null"));
        requireNonNull(leftSuffix, "leftSuffix is null");
        requireNonNull(rightSuffix, "rightSuffix is null");
        if (leftKeys.isEmpty() || leftKeys.size() != rightKeys.size()) {
            throw new SchemaException(ErrorCode.JOIN_KEY_COUNT, "Join needs the same number of left and right keys"
                    + " (at least one); got left " + ErrorMessages.list(leftKeys) + " and right "
                    + ErrorMessages.list(rightKeys) + ".");
        }
        layout(left.schema(), right.schema(), type, leftKeys, rightKeys, leftSuffix, rightSuffix);
    }

    /** The type each key pair is compared as. */
    public List<DataType> keyTypes() {
        Schema l = left.schema();
        Schema r = right.schema();
        List<DataType> out = new ArrayList<>();
        for (int i = 0; i < leftKeys.size(); i++) {
            out.add(l.field(leftKeys.get(i)).type().unify(r.field(rightKeys.get(i)).type()).orElseThrow());
        }
        return out;
    }

    /** Where each output column comes from, in output order. */
    public List<JoinColumn> columns() {
        return layout(left.schema(), right.schema(), type, leftKeys, rightKeys, leftSuffix, rightSuffix);
    }

    @Override
    public Schema schema() {
        return new Schema(columns().stream().map(JoinColumn::field).toList());
    }

    private static List<JoinColumn> layout(Schema l, Schema r, JoinType type, List<String> leftKeys,
            List<String> rightKeys, String leftSuffix, String rightSuffix) {
        DataType[] keyTypes = new DataType[leftKeys.size()];
        for (int i = 0; i < leftKeys.size(); i++) {
            Field lf = requireKey(l, leftKeys.get(i), "left");
            Field rf = requireKey(r, rightKeys.get(i), "right");
            DataType unified = lf.type().unify(rf.type()).orElse(null);
            if (unified == null) {
                throw new SchemaException(ErrorCode.JOIN_KEY_TYPE, "Join keys '" + lf.name() + "' (" + lf.type()
                        + ") and '" + rf.name() + "' (" + rf.type() + ") have incompatible types. Keys must both be"
                        + " numeric (INT32/INT64/FLOAT64 promote) or of one type; cast one side.");
            }
            keyTypes[i] = unified;
        }
        // Coalesced keys: same name on both sides.
        Set<String> coalesced = new HashSet<>();
        int[] coalescedRight = new int[l.size()];
        java.util.Arrays.fill(coalescedRight, -1);
        DataType[] coalescedType = new DataType[l.size()];
        if (type.outputsRight()) {
            for (int i = 0; i < leftKeys.size(); i++) {
                if (leftKeys.get(i).equals(rightKeys.get(i))) {
                    int li = l.indexOf(leftKeys.get(i));
                    coalesced.add(leftKeys.get(i));
                    coalescedRight[li] = r.indexOf(rightKeys.get(i));
                    coalescedType[li] = keyTypes[i];
                }
            }
        }
        List<JoinColumn> out = new ArrayList<>();
        if (!type.outputsRight()) {
            for (int i = 0; i < l.size(); i++) {
                out.add(new JoinColumn(l.field(i), i, -1));
            }
            return out;
        }
        Set<String> rightNames = new HashSet<>(r.names());
        Set<String> leftNames = new HashSet<>(l.names());
        boolean leftNullable = type.keepsUnmatchedRight();
        boolean rightNullable = type.keepsUnmatchedLeft();
        for (int i = 0; i < l.size(); i++) {
            Field f = l.field(i);
            if (coalescedRight[i] >= 0) {
                Field rf = r.field(coalescedRight[i]);
                out.add(new JoinColumn(new Field(f.name(), coalescedType[i], f.nullable() || rf.nullable()),
                        i, coalescedRight[i]));
            } else {
                String name = rightNames.contains(f.name()) ? f.name() + leftSuffix : f.name();
                out.add(new JoinColumn(new Field(name, f.type(), f.nullable() || leftNullable), i, -1));
            }
        }
        for (int i = 0; i < r.size(); i++) {
            Field f = r.field(i);
            if (coalesced.contains(f.name()) && rightKeys.contains(f.name())) {
                continue;
            }
            String name = leftNames.contains(f.name()) ? f.name() + rightSuffix : f.name();
            out.add(new JoinColumn(new Field(name, f.type(), f.nullable() || rightNullable), -1, i));
        }
        Set<String> seen = new HashSet<>();
        for (JoinColumn column : out) {
            if (!seen.add(column.field().name())) {
                throw new SchemaException(ErrorCode.JOIN_SUFFIX_COLLISION, "Join output would have two columns named '"
                        + column.field().name() + "' after adding suffixes '" + leftSuffix + "'/'" + rightSuffix
                        + "' (left columns " + ErrorMessages.list(l.names()) + ", right columns "
                        + ErrorMessages.list(r.names()) + "). Choose other suffixes or rename a column first.");
            }
        }
        return out;
    }

    private static Field requireKey(Schema schema, String key, String side) {
        if (!schema.contains(key)) {
            throw new SchemaException(ErrorCode.JOIN_KEY_MISSING, "Join key '" + key + "' is not a column of the "
                    + side + " input." + ErrorMessages.didYouMean(key, schema.names()) + " " + capitalize(side)
                    + " columns: " + ErrorMessages.list(schema.names()));
        }
        return schema.field(key);
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    @Override
    public List<PlanNode> inputs() {
        return List.of(left, right);
    }

    @Override
    public PlanNode withInputs(List<PlanNode> inputs) {
        return new Join(inputs.get(0), inputs.get(1), type, leftKeys, rightKeys, nullsEqual, leftSuffix, rightSuffix);
    }

    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visitJoin(this);
    }

    @Override
    public String toString() {
        StringBuilder on = new StringBuilder();
        for (int i = 0; i < leftKeys.size(); i++) {
            if (i > 0) {
                on.append(", ");
            }
            on.append(leftKeys.get(i));
            if (!leftKeys.get(i).equals(rightKeys.get(i))) {
                on.append(" = ").append(rightKeys.get(i));
            }
        }
        return "Join[" + type + ", on=[" + on + "]" + (nullsEqual ? ", nullsEqual" : "")
                + (leftSuffix.equals("_x") && rightSuffix.equals("_y") ? "" : ", suffixes=" + leftSuffix + "/" + rightSuffix)
                + "]";
    }
}
