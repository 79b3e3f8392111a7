package io.datajax.ir.plan;

import io.datajax.ir.Field;
import io.datajax.ir.Schema;
import io.datajax.ir.error.SchemaException;
import io.datajax.ir.expr.ColumnRef;
import io.datajax.ir.expr.Expr;

/** Checks shared by node constructors and the verifier. */
final class PlanChecks {
    private PlanChecks() {
    }

    /** Every column an expression reads exists in {@code schema} with the type it was traced with. */
    static void checkColumns(Expr expr, Schema schema, String where) {
        if (expr instanceof ColumnRef ref) {
            Field field = schema.field(ref.name());
            if (field.type() != ref.type()) {
                throw SchemaException.typeMismatch(where, "column '" + ref.name() + "' is " + field.type()
                        + " in the input but was referenced as " + ref.type());
            }
            return;
        }
        for (Expr child : expr.children()) {
            checkColumns(child, schema, where);
        }
    }
}
