package io.datajax.ir.plan;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.Field;
import io.datajax.ir.Schema;
import io.datajax.ir.Sharding;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.ErrorMessages;
import io.datajax.ir.error.SchemaException;
import io.datajax.ir.expr.Expr;
import io.datajax.ir.expr.Exprs;
import io.datajax.ir.source.DataSource;
import java.util.List;
import java.util.Optional;

/**
 * A read of an external {@link DataSource}: the columns of {@code schema} (a subset of the source's, in the
 * source's order; the planner narrows it to what later steps need) and, optionally, a filter the reader may
 * use to skip data that statistics prove cannot match (Parquet row groups). The filter is a hint: the rows
 * read still pass through the plan's own {@link Filter}, so a reader that ignores it is correct. The filter
 * may read columns the scan does not produce (statistics need no values).
 */
public record SourceScan(DataSource source, Schema schema, Optional<Expr> filter, Sharding sharding)
        implements PlanNode {
    public SourceScan {
        requireNonNull(source, "source is null");
        requireNonNull(schema, "schema is null");
        requireNonNull(filter, "filter is null");
        requireNonNull(sharding, "sharding is null");
        Schema full = source.schema();
        int last = -1;
        for (Field field : schema.fields()) {
            int index = full.indexOf(field.name());
            if (index < 0 || !full.field(index).equals(field)) {
                throw new SchemaException(ErrorCode.UNKNOWN_COLUMN, "Source " + source.describe() + " has no column "
                        + field + "." + ErrorMessages.didYouMean(field.name(), full.names()) + " Columns: "
                        + full + ".");
            }
            if (index <= last) {
                throw new IllegalArgumentException("columns of a source scan must keep the source's order: " + schema);
            }
            last = index;
        }
        filter.ifPresent(expr -> {
            for (String column : Exprs.columns(expr)) {
                if (!full.contains(column)) {
                    throw new IllegalArgumentException("filter " + expr + " reads column '" + column
                            + "', which the source does not have: " + full);
                }
            }
        });
    }

    /** A scan of every column of {@code source}, without a filter. */
    public static SourceScan of(DataSource source, Sharding sharding) {
        return new SourceScan(source, source.schema(), Optional.empty(), sharding);
    }

    /** This scan reading only {@code columns} (kept in the source's order). */
    public SourceScan withSchema(Schema columns) {
        return new SourceScan(source, columns, filter, sharding);
    }

    /** This scan with {@code hint} as its skipping filter. */
    public SourceScan withFilter(Optional<Expr> hint) {
        return new SourceScan(source, schema, hint, sharding);
    }

    @Override
    public List<PlanNode> inputs() {
        return List.of();
    }

    @Override
    public PlanNode withInputs(List<PlanNode> inputs) {
        return this;
    }

    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visitSourceScan(this);
    }

    private Object writeReplace() {
        return new SerialForm(source, schema, filter.orElse(null), sharding);
    }

    /** Serial form: {@link Optional} is not serializable. */
    private record SerialForm(DataSource source, Schema schema, Expr filter, Sharding sharding)
            implements java.io.Serializable {
        private Object readResolve() {
            return new SourceScan(source, schema, Optional.ofNullable(filter), sharding);
        }
    }

    @Override
    public String toString() {
        return "SourceScan[" + source.describe() + " " + schema + ", columns " + schema.size() + "/"
                + source.schema().size() + filter.map(f -> ", skip unless " + f).orElse("") + ", " + sharding + "]";
    }
}
