package io.datajax.tests.oracle;

import io.datajax.ir.DataType;
import io.datajax.ir.plan.JoinType;
import io.datajax.tests.oracle.Pipeline.AggSpec;
import io.datajax.tests.oracle.Pipeline.AggregateStep;
import io.datajax.tests.oracle.Pipeline.DropStep;
import io.datajax.tests.oracle.Pipeline.FilterStep;
import io.datajax.tests.oracle.Pipeline.HeadStep;
import io.datajax.tests.oracle.Pipeline.JoinColumn;
import io.datajax.tests.oracle.Pipeline.JoinStep;
import io.datajax.tests.oracle.Pipeline.LimitStep;
import io.datajax.tests.oracle.Pipeline.Meta;
import io.datajax.tests.oracle.Pipeline.RenameStep;
import io.datajax.tests.oracle.Pipeline.RepartitionStep;
import io.datajax.tests.oracle.Pipeline.SelectStep;
import io.datajax.tests.oracle.Pipeline.SortKeySpec;
import io.datajax.tests.oracle.Pipeline.SortStep;
import io.datajax.tests.oracle.Pipeline.Step;
import io.datajax.tests.oracle.Pipeline.UnionStep;
import io.datajax.tests.oracle.Pipeline.WithColumnStep;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Generates one random case from a seed: two input tables (nulls, duplicate and hot keys, sometimes
 * empty) and a valid pipeline over them, typed by PRODUCT.md's rules. The same seed gives the same case.
 *
 * <p>What is kept out, because the engines legitimately differ or Tablesaw cannot hold it: NaN (Tablesaw
 * reads NaN as missing; division is only by non-zero literals), overflow (integer bounds are tracked and
 * kept far below the type's range), -0.0 and rounding noise as group or sort keys (only input columns and
 * integers are keys), non-ASCII strings, empty strings (Tablesaw's missing marker), float-to-int casts.
 */
final class Generator {
    /** Most rows a generated table has. */
    static final int MAX_ROWS = 40;
    /** Rows of an occasional large table (past the local executor's small-batch paths; no hot key, so joins stay small). */
    static final int LARGE_ROWS = 3000;
    private static final double MAX_JOIN_ROWS = (double) LARGE_ROWS * LARGE_ROWS;
    private static final String[] STRINGS = {"a", "b", "c", "ab", "ba", "z", "B"};
    private static final String[] KEY_STRINGS = {"a", "b", "c", "d", "ab"};
    private static final LocalDate DAY0 = LocalDate.of(2024, 1, 1);

    private final Random random;
    private final boolean allowLimit;
    private int fresh;

    /** The generated case. */
    record Case(long seed, RandomTable left, RandomTable right, Pipeline pipeline) {
    }

    private Generator(long seed, boolean allowLimit) {
        this.random = new Random(seed);
        this.allowLimit = allowLimit;
    }

    /**
     * The case of a seed.
     *
     * @param allowLimit whether a limit may appear where the order before it is not fixed on every executor
     */
    static Case generate(long seed, boolean allowLimit) {
        return new Generator(seed, allowLimit).generate(seed);
    }

    private Case generate(long seed) {
        DataType leftKey = pick(DataType.INT64, DataType.INT64, DataType.STRING, DataType.INT32);
        DataType rightKey = leftKey == DataType.STRING ? DataType.STRING : pick(DataType.INT64, DataType.INT32);
        RandomTable left = table("t0", "k", leftKey, new String[] {"a", "b", "x", "s", "f", "d"});
        String rightKeyName = chance(0.65) ? "k" : "rk";
        RandomTable right = table("t1", rightKeyName, rightKey, new String[] {"a", "x", "s", "v", "w", "t"});

        List<Step> steps = new ArrayList<>();
        List<Meta> cols = new ArrayList<>(left.columns());
        double rows = LARGE_ROWS;
        int before = random.nextInt(4);
        for (int i = 0; i < before; i++) {
            cols = addSimpleStep(steps, cols, true);
        }
        if (chance(0.5)) {
            List<Meta> joined = addJoin(steps, cols, right);
            if (joined != null) {
                cols = joined;
                rows = MAX_JOIN_ROWS;
            }
        }
        int middle = random.nextInt(3);
        for (int i = 0; i < middle; i++) {
            cols = addSimpleStep(steps, cols, true);
        }
        if (chance(0.5)) {
            cols = addAggregate(steps, cols, rows);
            int after = random.nextInt(3);
            for (int i = 0; i < after; i++) {
                cols = addSimpleStep(steps, cols, false);
            }
        }
        return new Case(seed, left, right, new Pipeline(steps, cols));
    }

    // ---- tables

    private RandomTable table(String name, String keyName, DataType keyType, String[] optional) {
        List<Meta> columns = new ArrayList<>();
        columns.add(new Meta(keyName, keyType, true, true, LARGE_ROWS));
        for (String column : optional) {
            if (chance(0.55)) {
                columns.add(new Meta(column, typeOfOptional(column), true, true, boundOf(typeOfOptional(column))));
            }
        }
        if (columns.size() < 3) {
            columns.add(new Meta(optional[random.nextInt(optional.length)] + "2", DataType.INT64, true, true, 1000));
        }
        return rowsFor(name, columns);
    }

    /**
     * {@code count} tables for a batch: {@code like} first, then tables of its columns with fresh random rows
     * (nulls, empty tables, duplicate and hot keys drawn as for any table), reproducible from {@code seed}.
     */
    static List<RandomTable> batch(long seed, RandomTable like, int count) {
        Generator generator = new Generator(seed * 31 + 7, false);
        List<RandomTable> tables = new ArrayList<>();
        tables.add(like);
        for (int i = 1; i < count; i++) {
            tables.add(generator.rowsFor(like.name(), like.columns()));
        }
        return tables;
    }

    private RandomTable rowsFor(String name, List<Meta> columns) {
        boolean large = chance(0.03);
        int rowCount = large ? LARGE_ROWS / 2 + random.nextInt(LARGE_ROWS / 2)
                : chance(0.1) ? 0 : chance(0.05) ? 1 : 2 + random.nextInt(MAX_ROWS - 1);
        double[] nullRates = new double[columns.size()];
        for (int c = 0; c < nullRates.length; c++) {
            nullRates[c] = chance(0.03) ? 1.0 : pick(0.0, 0.1, 0.15, 0.2);
        }
        boolean skewed = !large && chance(0.3);
        int keyDomain = large ? rowCount / 2 : 8;
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 0; r < rowCount; r++) {
            List<Object> row = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
                Meta meta = columns.get(c);
                boolean isKey = c == 0;
                row.add(random.nextDouble() < nullRates[c] ? null : value(meta.type(), isKey, skewed, keyDomain));
            }
            rows.add(row);
        }
        return new RandomTable(name, columns, rows);
    }

    private static DataType typeOfOptional(String column) {
        return switch (column) {
            case "a" -> DataType.INT32;
            case "b", "v" -> DataType.INT64;
            case "x", "w" -> DataType.FLOAT64;
            case "s", "t" -> DataType.STRING;
            case "f" -> DataType.BOOLEAN;
            case "d" -> DataType.DATE;
            default -> throw new IllegalStateException(column);
        };
    }

    private static double boundOf(DataType type) {
        return switch (type) {
            case INT32 -> 20;
            case INT64 -> 1000;
            case FLOAT64 -> 20;
            default -> 0;
        };
    }

    private Object value(DataType type, boolean key, boolean skewed, int keyDomain) {
        if (key && skewed && chance(0.5)) {
            return switch (type) {
                case INT32 -> 1;
                case INT64 -> 1L;
                default -> "a";
            };
        }
        return switch (type) {
            case INT32 -> key ? random.nextInt(keyDomain) : random.nextInt(41) - 20;
            case INT64 -> key ? (long) random.nextInt(keyDomain) : (long) (random.nextInt(2001) - 1000);
            // Multiples of 1/8: sums and products stay exact, so both engines agree bit for bit.
            case FLOAT64 -> (random.nextInt(321) - 160) / 8.0;
            case STRING -> key ? (keyDomain > 8 ? "k" + random.nextInt(keyDomain) : KEY_STRINGS[random.nextInt(KEY_STRINGS.length)])
                    : STRINGS[random.nextInt(STRINGS.length)];
            case BOOLEAN -> random.nextBoolean();
            case DATE -> DAY0.plusDays(random.nextInt(16));
            default -> throw new IllegalStateException(type.toString());
        };
    }

    // ---- steps

    private List<Meta> addSimpleStep(List<Step> steps, List<Meta> cols, boolean beforeAggregate) {
        if (chance(0.08)) {
            return addUnion(steps, cols);
        }
        int kind = random.nextInt(beforeAggregate ? 10 : 7);
        switch (kind) {
            case 0, 1, 2 -> {
                steps.add(new FilterStep(booleanExpr(cols, 2)));
                return cols;
            }
            case 3, 4 -> {
                return addWithColumn(steps, cols);
            }
            case 5 -> {
                return addSortOrLimit(steps, cols);
            }
            case 6 -> {
                return addRename(steps, cols);
            }
            case 7 -> {
                return addSelect(steps, cols);
            }
            case 8 -> {
                if (cols.size() > 2) {
                    Meta dropped = cols.get(random.nextInt(cols.size()));
                    steps.add(new DropStep(dropped.name()));
                    List<Meta> out = new ArrayList<>(cols);
                    out.remove(dropped);
                    return out;
                }
                return cols;
            }
            default -> {
                List<Meta> keys = cols.stream().filter(Meta::keyable).toList();
                if (!keys.isEmpty()) {
                    steps.add(new RepartitionStep(keys.get(random.nextInt(keys.size())).name()));
                }
                return cols;
            }
        }
    }

    /**
     * A union of the current frame with itself after an optional filter, an optional in-place widening cast of
     * an integer column, and a select that reorders the columns.
     */
    private List<Meta> addUnion(List<Step> steps, List<Meta> cols) {
        List<Step> other = new ArrayList<>();
        List<Meta> otherCols = new ArrayList<>(cols);
        if (chance(0.5)) {
            other.add(new FilterStep(booleanExpr(cols, 1)));
        }
        List<Meta> integers = cols.stream().filter(m -> m.type().isInteger()).toList();
        if (!integers.isEmpty() && chance(0.5)) {
            Meta m = integers.get(random.nextInt(integers.size()));
            DataType to = m.type() == DataType.INT32 && chance(0.5) ? DataType.INT64 : DataType.FLOAT64;
            other.add(new WithColumnStep(m.name(), new Ex.CastTo(new Ex.Ref(m.name(), m.type()), to)));
            otherCols.set(otherCols.indexOf(m), new Meta(m.name(), to, m.keyable() && to != DataType.FLOAT64,
                    m.comparable(), m.bound()));
        }
        List<Meta> shuffled = new ArrayList<>(otherCols);
        java.util.Collections.shuffle(shuffled, random);
        other.add(new SelectStep(shuffled.stream().map(Meta::name).toList(),
                shuffled.stream().map(m -> (Ex) new Ex.Ref(m.name(), m.type())).toList()));
        List<Meta> out = new ArrayList<>();
        for (Meta m : cols) {
            Meta o = otherCols.get(indexOf(otherCols, m.name()));
            DataType type = unify(m.type(), o.type());
            out.add(new Meta(m.name(), type, m.keyable() && o.keyable() && (type != DataType.FLOAT64 || m.type() == type),
                    m.comparable() && o.comparable(), Math.max(m.bound(), o.bound())));
        }
        steps.add(new UnionStep(other, out));
        return out;
    }

    private List<Meta> addWithColumn(List<Step> steps, List<Meta> cols) {
        String name = chance(0.35) ? cols.get(random.nextInt(cols.size())).name() : freshName("c");
        Ex expr;
        boolean keyable;
        double bound = 0;
        int kind = random.nextInt(12);
        if (kind >= 10) {
            Typed t = coalesceExpr(cols);
            expr = t.ex;
            bound = t.bound;
            keyable = expr.type() != DataType.FLOAT64;
        } else if (kind < 5) {
            Typed t = numericExpr(cols, 2);
            expr = t.ex;
            bound = t.bound;
            keyable = expr.type() != DataType.FLOAT64 || expr instanceof Ex.Ref;
        } else if (kind < 8) {
            expr = booleanExpr(cols, 2);
            keyable = true;
        } else {
            Typed t = castExpr(cols);
            if (t == null) {
                return cols;
            }
            expr = t.ex;
            bound = t.bound;
            keyable = expr.type() != DataType.FLOAT64;
        }
        Meta meta = new Meta(name, expr.type(), keyable, comparable(expr, cols), bound);
        steps.add(new WithColumnStep(name, expr));
        List<Meta> out = new ArrayList<>(cols);
        int index = indexOf(out, name);
        if (index >= 0) {
            out.set(index, meta);
        } else {
            out.add(meta);
        }
        return out;
    }

    private List<Meta> addSelect(List<Step> steps, List<Meta> cols) {
        List<Meta> shuffled = new ArrayList<>(cols);
        java.util.Collections.shuffle(shuffled, random);
        int n = 1 + random.nextInt(shuffled.size());
        List<String> names = new ArrayList<>();
        List<Ex> exprs = new ArrayList<>();
        List<Meta> out = new ArrayList<>();
        for (Meta m : shuffled.subList(0, n)) {
            names.add(m.name());
            exprs.add(new Ex.Ref(m.name(), m.type()));
            out.add(m);
        }
        if (chance(0.3)) {
            Typed t = numericExpr(cols, 1);
            String name = chance(0.3) ? cols.get(random.nextInt(cols.size())).name() : freshName("e");
            if (!names.contains(name)) {
                names.add(name);
                exprs.add(t.ex);
                out.add(new Meta(name, t.ex.type(), t.ex.type() != DataType.FLOAT64, comparable(t.ex, cols), t.bound));
            }
        }
        steps.add(new SelectStep(names, exprs));
        return out;
    }

    private List<Meta> addRename(List<Step> steps, List<Meta> cols) {
        Meta from = cols.get(random.nextInt(cols.size()));
        String to = freshName("r");
        steps.add(new RenameStep(from.name(), to));
        List<Meta> out = new ArrayList<>(cols);
        out.set(out.indexOf(from), from.withName(to));
        return out;
    }

    private List<Meta> addSortOrLimit(List<Step> steps, List<Meta> cols) {
        List<Meta> keys = cols.stream().filter(Meta::keyable).toList();
        if (!keys.isEmpty() && chance(0.8)) {
            List<SortKeySpec> sortKeys = new ArrayList<>();
            Set<String> used = new HashSet<>();
            int n = 1 + random.nextInt(Math.min(2, keys.size()));
            for (int i = 0; i < n; i++) {
                Meta key = keys.get(random.nextInt(keys.size()));
                if (used.add(key.name())) {
                    sortKeys.add(new SortKeySpec(key.name(), random.nextBoolean(), chance(0.3)));
                }
            }
            steps.add(new SortStep(sortKeys));
            if (chance(0.3)) {
                steps.add(new LimitStep(random.nextInt(12)));
            } else if (chance(0.3)) {
                steps.add(headStep(keys));
            }
        } else if (allowLimit) {
            steps.add(!keys.isEmpty() && chance(0.5) ? headStep(keys) : new LimitStep(random.nextInt(12)));
        }
        return cols;
    }

    /** {@code groupBy(one or two keyable columns).head(n)}. */
    private HeadStep headStep(List<Meta> keys) {
        List<String> names = new ArrayList<>();
        int n = 1 + random.nextInt(Math.min(2, keys.size()));
        for (int i = 0; i < n; i++) {
            String name = keys.get(random.nextInt(keys.size())).name();
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        return new HeadStep(names, random.nextInt(4));
    }

    private List<Meta> addJoin(List<Step> steps, List<Meta> cols, RandomTable right) {
        List<Step> rightSteps = new ArrayList<>();
        List<Meta> rightCols = new ArrayList<>(right.columns());
        Meta rightKey = rightCols.get(0);
        int n = random.nextInt(3);
        for (int i = 0; i < n; i++) {
            if (chance(0.6)) {
                rightSteps.add(new FilterStep(booleanExpr(rightCols, 1)));
            } else {
                Typed t = numericExpr(rightCols, 1);
                String name = freshName("rc");
                rightSteps.add(new WithColumnStep(name, t.ex));
                rightCols.add(new Meta(name, t.ex.type(), t.ex.type() != DataType.FLOAT64, comparable(t.ex, rightCols), t.bound));
            }
        }
        List<Meta> leftCandidates = cols.stream().filter(m -> joinable(m.type(), rightKey.type())).toList();
        if (leftCandidates.isEmpty()) {
            return null;
        }
        Meta leftKey = leftCandidates.stream().filter(m -> m.name().equals("k")).findFirst()
                .orElse(leftCandidates.get(random.nextInt(leftCandidates.size())));
        List<String> leftKeys = new ArrayList<>(List.of(leftKey.name()));
        List<String> rightKeys = new ArrayList<>(List.of(rightKey.name()));
        if (chance(0.25)) {
            for (Meta m : cols) {
                Meta r = rightCols.stream().filter(x -> x.name().equals(m.name())).findFirst().orElse(null);
                if (r != null && !leftKeys.contains(m.name()) && !rightKeys.contains(r.name()) && joinable(m.type(), r.type())
                        && m.keyable() && r.keyable()) {
                    leftKeys.add(m.name());
                    rightKeys.add(r.name());
                    break;
                }
            }
        }
        JoinType type = pick(JoinType.INNER, JoinType.INNER, JoinType.LEFT, JoinType.LEFT, JoinType.RIGHT, JoinType.FULL,
                JoinType.FULL, JoinType.SEMI, JoinType.ANTI);
        boolean custom = chance(0.2);
        JoinStep join = new JoinStep(rightSteps, type, leftKeys, rightKeys, chance(0.15), custom ? "_l" : "_x",
                custom ? "_r" : "_y");
        List<JoinColumn> layout = Pipeline.joinLayout(cols, rightCols, join);
        if (layout == null) {
            return null;
        }
        steps.add(join);
        return layout.stream().map(JoinColumn::meta).toList();
    }

    private static boolean joinable(DataType a, DataType b) {
        return (a.isInteger() && b.isInteger()) || (a == DataType.STRING && b == DataType.STRING);
    }

    private List<Meta> addAggregate(List<Step> steps, List<Meta> cols, double rows) {
        List<Meta> keyable = new ArrayList<>(cols.stream().filter(Meta::keyable).toList());
        java.util.Collections.shuffle(keyable, random);
        int keyCount = keyable.isEmpty() ? 0 : Math.min(keyable.size(), pick(0, 1, 1, 1, 2, 2));
        List<Meta> out = new ArrayList<>(keyable.subList(0, keyCount));
        List<String> keys = out.stream().map(Meta::name).toList();
        Set<String> names = new HashSet<>(keys);
        List<AggSpec> aggs = new ArrayList<>();
        int aggCount = 1 + random.nextInt(4);
        for (int i = 0; i < aggCount; i++) {
            String function = pick("sum", "mean", "min", "max", "count", "count_all");
            List<Meta> args = cols.stream().filter(m -> !function.equals("sum") && !function.equals("mean")
                    || m.type().isNumeric()).toList();
            if (function.equals("count_all") || args.isEmpty()) {
                String name = names.contains("count") ? freshName("n") : "count";
                aggs.add(new AggSpec("count_all", null, name.equals("count") ? null : name, name));
                names.add(name);
                out.add(new Meta(name, DataType.INT64, true, true, rows));
                continue;
            }
            Ex argument;
            Meta arg = args.get(random.nextInt(args.size()));
            double bound = arg.bound();
            boolean comparable = arg.comparable();
            String defaultName;
            if ((function.equals("sum") || function.equals("mean")) && chance(0.2)) {
                Typed t = numericExpr(cols, 1);
                argument = t.ex;
                bound = t.bound;
                comparable = comparable(t.ex, cols);
                defaultName = null;
            } else {
                argument = new Ex.Ref(arg.name(), arg.type());
                defaultName = arg.name();
            }
            String name = defaultName != null && !names.contains(defaultName) && chance(0.7)
                    ? defaultName : freshName(function);
            names.add(name);
            aggs.add(new AggSpec(function, argument, name.equals(defaultName) ? null : name, name));
            DataType in = argument.type();
            out.add(switch (function) {
                case "sum" -> in.isInteger() ? new Meta(name, DataType.INT64, true, comparable, bound * rows)
                        : new Meta(name, DataType.FLOAT64, false, false, bound * rows);
                case "mean" -> new Meta(name, DataType.FLOAT64, false, false, bound);
                case "count" -> new Meta(name, DataType.INT64, true, true, rows);
                default -> new Meta(name, in, in != DataType.FLOAT64 || arg.keyable(), comparable, bound);
            });
        }
        steps.add(new AggregateStep(keys, aggs));
        return out;
    }

    // ---- expressions

    /** An expression with a bound on its absolute value. */
    private record Typed(Ex ex, double bound) {
    }

    private Typed numericExpr(List<Meta> cols, int depth) {
        List<Meta> numeric = cols.stream().filter(m -> m.type().isNumeric()).toList();
        int kind = depth == 0 || chance(0.3) ? random.nextInt(2) : 2 + random.nextInt(3);
        if (kind == 0 && !numeric.isEmpty()) {
            Meta m = numeric.get(random.nextInt(numeric.size()));
            return new Typed(new Ex.Ref(m.name(), m.type()), m.bound());
        }
        if (kind <= 1) {
            return numericLiteral();
        }
        Typed left = numericExpr(cols, depth - 1);
        if (kind == 2) {
            Typed right = numericExpr(cols, depth - 1);
            String op = pick("+", "-", "*");
            DataType type = unify(left.ex.type(), right.ex.type());
            double bound = op.equals("*") ? left.bound * right.bound : left.bound + right.bound;
            if (bound > cap(type)) {
                return left;
            }
            return new Typed(new Ex.Arith(op, left.ex, right.ex, type), bound);
        }
        if (kind == 3) {
            Object divisor = pick(2, 4, -2, 8L, 0.5, 0.25, -4.0);
            Ex.Lit lit = literal(divisor);
            double scale = Math.abs(((Number) divisor).doubleValue());
            return new Typed(new Ex.Arith("/", left.ex, lit, DataType.FLOAT64), left.bound / scale);
        }
        if (!left.ex.type().isInteger()) {
            return left;
        }
        List<Meta> integers = cols.stream().filter(m -> m.type().isInteger()).toList();
        Ex right;
        if (integers.isEmpty() || chance(0.4)) {
            right = literal(pick(3, 5L, -3, 0, 7));
        } else {
            Meta m = integers.get(random.nextInt(integers.size()));
            right = new Ex.Ref(m.name(), m.type());
        }
        return new Typed(new Ex.Arith("%", left.ex, right, unify(left.ex.type(), right.type())), left.bound);
    }

    private Typed numericLiteral() {
        Object value = pick(random.nextInt(11) - 5, (long) (random.nextInt(201) - 100), (random.nextInt(81) - 40) / 4.0);
        return new Typed(literal(value), Math.abs(((Number) value).doubleValue()));
    }

    private Ex booleanExpr(List<Meta> cols, int depth) {
        int kind = depth == 0 ? random.nextInt(4) : random.nextInt(7);
        switch (kind) {
            case 0, 1 -> {
                return comparison(cols);
            }
            case 2 -> {
                Meta m = cols.get(random.nextInt(cols.size()));
                return new Ex.IsNull(new Ex.Ref(m.name(), m.type()), random.nextBoolean());
            }
            case 3 -> {
                List<Meta> booleans = cols.stream().filter(m -> m.type() == DataType.BOOLEAN).toList();
                if (booleans.isEmpty()) {
                    return comparison(cols);
                }
                Meta m = booleans.get(random.nextInt(booleans.size()));
                Ex ref = new Ex.Ref(m.name(), m.type());
                return chance(0.5) ? ref : new Ex.Cmp(pick("=", "<>"), ref, literal(random.nextBoolean()));
            }
            case 4 -> {
                return new Ex.Not(booleanExpr(cols, depth - 1));
            }
            default -> {
                return new Ex.Logic(random.nextBoolean(), booleanExpr(cols, depth - 1), booleanExpr(cols, depth - 1));
            }
        }
    }

    private Ex comparison(List<Meta> cols) {
        String op = pick("=", "<>", "<", "<=", ">", ">=");
        List<Meta> comparable = cols.stream().filter(Meta::comparable).filter(m -> m.type() != DataType.BOOLEAN).toList();
        if (comparable.isEmpty()) {
            return new Ex.Cmp(op, numericLiteral().ex, numericLiteral().ex);
        }
        Meta m = comparable.get(random.nextInt(comparable.size()));
        Ex left = new Ex.Ref(m.name(), m.type());
        List<Meta> sameFamily = comparable.stream().filter(o -> o != m && (o.type() == m.type()
                || (o.type().isNumeric() && m.type().isNumeric()))).toList();
        Ex right;
        if (!sameFamily.isEmpty() && chance(0.35)) {
            Meta o = sameFamily.get(random.nextInt(sameFamily.size()));
            right = new Ex.Ref(o.name(), o.type());
        } else if (m.type().isNumeric() && chance(0.3)) {
            Typed t = numericExpr(cols.stream().filter(Meta::comparable).toList(), 1);
            right = t.ex;
        } else {
            right = switch (m.type()) {
                case STRING -> literal(STRINGS[random.nextInt(STRINGS.length)]);
                case DATE -> literal(DAY0.plusDays(random.nextInt(16)));
                default -> numericLiteral().ex;
            };
        }
        return chance(0.15) ? new Ex.Cmp(op, right, left) : new Ex.Cmp(op, left, right);
    }

    /** A coalesce of a column with another column, an expression or a literal of a type it unifies with. */
    private Typed coalesceExpr(List<Meta> cols) {
        Meta m = cols.get(random.nextInt(cols.size()));
        List<Ex> args = new ArrayList<>(List.of(new Ex.Ref(m.name(), m.type())));
        double bound = m.bound();
        DataType type = m.type();
        int extra = 1 + random.nextInt(2);
        for (int i = 0; i < extra; i++) {
            List<Meta> same = cols.stream().filter(o -> o != m && (o.type() == m.type()
                    || (o.type().isNumeric() && m.type().isNumeric()))).toList();
            Ex next;
            double nextBound;
            if (!same.isEmpty() && chance(0.5)) {
                Meta o = same.get(random.nextInt(same.size()));
                next = new Ex.Ref(o.name(), o.type());
                nextBound = o.bound();
            } else if (m.type().isNumeric()) {
                Typed t = chance(0.5) ? numericExpr(cols, 1) : numericLiteral();
                next = t.ex;
                nextBound = t.bound;
            } else {
                next = switch (m.type()) {
                    case STRING -> literal(STRINGS[random.nextInt(STRINGS.length)]);
                    case DATE -> literal(DAY0.plusDays(random.nextInt(16)));
                    case BOOLEAN -> literal(random.nextBoolean());
                    default -> throw new IllegalStateException(m.type().toString());
                };
                nextBound = 0;
            }
            args.add(next);
            type = unify(type, next.type());
            bound = Math.max(bound, nextBound);
        }
        return new Typed(new Ex.Coalesce(args, type), bound);
    }

    private Typed castExpr(List<Meta> cols) {
        Meta m = cols.get(random.nextInt(cols.size()));
        Ex ref = new Ex.Ref(m.name(), m.type());
        if (m.type().isInteger()) {
            DataType to = pick(DataType.FLOAT64, DataType.INT64, DataType.STRING, DataType.INT32);
            if (to == DataType.INT32 && m.bound() > cap(DataType.INT32)) {
                to = DataType.INT64;
            }
            return new Typed(new Ex.CastTo(ref, to), m.bound());
        }
        if (m.type() == DataType.BOOLEAN) {
            return new Typed(new Ex.CastTo(ref, DataType.INT32), 1);
        }
        if (m.type() == DataType.DATE || m.type() == DataType.STRING) {
            return new Typed(new Ex.CastTo(ref, DataType.STRING), 0);
        }
        return null;
    }

    private static boolean comparable(Ex ex, List<Meta> cols) {
        if (ex instanceof Ex.Ref ref) {
            int index = indexOf(cols, ref.name());
            return index >= 0 && cols.get(index).comparable();
        }
        if (ex instanceof Ex.Lit) {
            return true;
        }
        if (ex instanceof Ex.Arith a) {
            return comparable(a.left(), cols) && comparable(a.right(), cols);
        }
        if (ex instanceof Ex.Coalesce c) {
            return c.args().stream().allMatch(a -> comparable(a, cols));
        }
        if (ex instanceof Ex.CastTo c) {
            return comparable(c.input(), cols) && c.input().type() != DataType.FLOAT64;
        }
        return true;
    }

    private static Ex.Lit literal(Object value) {
        DataType type;
        if (value instanceof Integer) {
            type = DataType.INT32;
        } else if (value instanceof Long) {
            type = DataType.INT64;
        } else if (value instanceof Double) {
            type = DataType.FLOAT64;
        } else if (value instanceof String) {
            type = DataType.STRING;
        } else if (value instanceof Boolean) {
            type = DataType.BOOLEAN;
        } else if (value instanceof LocalDate) {
            type = DataType.DATE;
        } else {
            throw new IllegalStateException(String.valueOf(value));
        }
        return new Ex.Lit(value, type);
    }

    /** Numeric promotion as PRODUCT.md states it: INT32 < INT64 < FLOAT64. */
    static DataType unify(DataType a, DataType b) {
        if (a == b) {
            return a;
        }
        if (a == DataType.FLOAT64 || b == DataType.FLOAT64) {
            return DataType.FLOAT64;
        }
        if (a.isInteger() && b.isInteger()) {
            return DataType.INT64;
        }
        throw new IllegalStateException(a + " and " + b + " do not unify");
    }

    private static double cap(DataType type) {
        return switch (type) {
            case INT32 -> 1e9;
            case INT64 -> 1e15;
            default -> 1e9;
        };
    }

    private String freshName(String prefix) {
        return prefix + "_" + (fresh++);
    }

    private static int indexOf(List<Meta> cols, String name) {
        for (int i = 0; i < cols.size(); i++) {
            if (cols.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }
}
