package io.datajax.tests.oracle;

import static io.datajax.api.Functions.col;
import static io.datajax.api.Functions.lit;

import io.datajax.api.Column;
import io.datajax.api.Functions;
import io.datajax.ir.DataType;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An expression of a random pipeline, written once and rendered twice: as a DataJax {@link Column} and as
 * DuckDB SQL. Each node carries the type the oracle expects from PRODUCT.md's rules (not from DataJax).
 */
sealed interface Ex {

    /** The type PRODUCT.md gives this expression. */
    DataType type();

    /** The DataJax column expression. */
    Column toColumn();

    /** The SQL expression; column names are double-quoted and unqualified. */
    String toSql();

    /** A column reference. */
    record Ref(String name, DataType type) implements Ex {
        @Override
        public Column toColumn() {
            return col(name);
        }

        @Override
        public String toSql() {
            return quote(name);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** A literal: Integer (INT32), Long (INT64), Double, String, Boolean or LocalDate. */
    record Lit(Object value, DataType type) implements Ex {
        @Override
        public Column toColumn() {
            return lit(value);
        }

        @Override
        public String toSql() {
            return switch (type) {
                case INT32 -> "CAST(" + value + " AS INTEGER)";
                case INT64 -> "CAST(" + value + " AS BIGINT)";
                case FLOAT64 -> "CAST(" + value + " AS DOUBLE)";
                case STRING -> "'" + ((String) value).replace("'", "''") + "'";
                case BOOLEAN -> value.toString().toUpperCase();
                case DATE -> "DATE '" + value + "'";
                default -> throw new IllegalStateException("no SQL literal for " + type);
            };
        }

        @Override
        public String toString() {
            return value instanceof Long ? value + "L" : value instanceof String ? "'" + value + "'"
                    : value instanceof LocalDate ? "date(" + value + ")" : String.valueOf(value);
        }
    }

    /** Arithmetic: {@code + - * / %}. */
    record Arith(String op, Ex left, Ex right, DataType type) implements Ex {
        @Override
        public Column toColumn() {
            Column l = left.toColumn();
            Column r = right.toColumn();
            return switch (op) {
                case "+" -> l.plus(r);
                case "-" -> l.minus(r);
                case "*" -> l.multiply(r);
                case "/" -> l.divide(r);
                case "%" -> l.mod(r);
                default -> throw new IllegalStateException(op);
            };
        }

        @Override
        public String toSql() {
            return "(" + left.toSql() + " " + op + " " + right.toSql() + ")";
        }

        @Override
        public String toString() {
            return "(" + left + " " + op + " " + right + ")";
        }
    }

    /** A comparison: {@code = <> < <= > >=}; BOOLEAN. */
    record Cmp(String op, Ex left, Ex right) implements Ex {
        @Override
        public DataType type() {
            return DataType.BOOLEAN;
        }

        @Override
        public Column toColumn() {
            Column l = left.toColumn();
            Column r = right.toColumn();
            return switch (op) {
                case "=" -> l.eq(r);
                case "<>" -> l.ne(r);
                case "<" -> l.lt(r);
                case "<=" -> l.le(r);
                case ">" -> l.gt(r);
                case ">=" -> l.ge(r);
                default -> throw new IllegalStateException(op);
            };
        }

        @Override
        public String toSql() {
            return "(" + left.toSql() + " " + op + " " + right.toSql() + ")";
        }

        @Override
        public String toString() {
            return "(" + left + " " + op + " " + right + ")";
        }
    }

    /** Three-valued AND / OR. */
    record Logic(boolean and, Ex left, Ex right) implements Ex {
        @Override
        public DataType type() {
            return DataType.BOOLEAN;
        }

        @Override
        public Column toColumn() {
            return and ? left.toColumn().and(right.toColumn()) : left.toColumn().or(right.toColumn());
        }

        @Override
        public String toSql() {
            return "(" + left.toSql() + (and ? " AND " : " OR ") + right.toSql() + ")";
        }

        @Override
        public String toString() {
            return "(" + left + (and ? " and " : " or ") + right + ")";
        }
    }

    /** NOT. */
    record Not(Ex input) implements Ex {
        @Override
        public DataType type() {
            return DataType.BOOLEAN;
        }

        @Override
        public Column toColumn() {
            return input.toColumn().not();
        }

        @Override
        public String toSql() {
            return "(NOT " + input.toSql() + ")";
        }

        @Override
        public String toString() {
            return "not(" + input + ")";
        }
    }

    /** IS [NOT] NULL. */
    record IsNull(Ex input, boolean negated) implements Ex {
        @Override
        public DataType type() {
            return DataType.BOOLEAN;
        }

        @Override
        public Column toColumn() {
            return negated ? input.toColumn().isNotNull() : input.toColumn().isNull();
        }

        @Override
        public String toSql() {
            return "(" + input.toSql() + (negated ? " IS NOT NULL)" : " IS NULL)");
        }

        @Override
        public String toString() {
            return input + (negated ? ".isNotNull()" : ".isNull()");
        }
    }

    /** An explicit cast. */
    record CastTo(Ex input, DataType type) implements Ex {
        @Override
        public Column toColumn() {
            return input.toColumn().cast(type);
        }

        @Override
        public String toSql() {
            return "CAST(" + input.toSql() + " AS " + sqlType(type) + ")";
        }

        @Override
        public String toString() {
            return input + ".cast(" + type + ")";
        }
    }

    /** {@code COALESCE(args...)}: the first non-null argument; types promote like arithmetic. */
    record Coalesce(List<Ex> args, DataType type) implements Ex {
        @Override
        public Column toColumn() {
            return Functions.coalesce(args.stream().map(Ex::toColumn).toArray());
        }

        @Override
        public String toSql() {
            return args.stream().map(Ex::toSql).collect(Collectors.joining(", ", "COALESCE(", ")"));
        }

        @Override
        public String toString() {
            return args.stream().map(Ex::toString).collect(Collectors.joining(", ", "coalesce(", ")"));
        }
    }

    /** A double-quoted SQL identifier. */
    static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** The DuckDB type of a DataJax type. */
    static String sqlType(DataType type) {
        return switch (type) {
            case BOOLEAN -> "BOOLEAN";
            case INT32 -> "INTEGER";
            case INT64 -> "BIGINT";
            case FLOAT64 -> "DOUBLE";
            case STRING -> "VARCHAR";
            case DATE -> "DATE";
            default -> throw new IllegalStateException("no SQL type for " + type);
        };
    }
}
