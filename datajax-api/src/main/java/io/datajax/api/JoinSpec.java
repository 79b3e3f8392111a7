package io.datajax.api;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.plan.JoinType;
import java.util.List;

/**
 * How to join two frames: keys, kind, suffixes and null matching. Immutable; build with
 * {@code JoinSpec.on("user_id").left()} or {@code JoinSpec.on(List.of("a"), List.of("b")).suffixes("_l", "_r")}.
 * Defaults: inner, suffixes {@code _x}/{@code _y}, null keys never match.
 */
public final class JoinSpec {
    private final List<String> leftKeys;
    private final List<String> rightKeys;
    private final JoinType type;
    private final String leftSuffix;
    private final String rightSuffix;
    private final boolean nullsEqual;

    private JoinSpec(List<String> leftKeys, List<String> rightKeys, JoinType type, String leftSuffix,
            String rightSuffix, boolean nullsEqual) {
        this.leftKeys = List.copyOf(leftKeys);
        this.rightKeys = List.copyOf(rightKeys);
        this.type = requireNonNull(type, "type is null");
        this.leftSuffix = requireNonNull(leftSuffix, "leftSuffix is null");
        this.rightSuffix = requireNonNull(rightSuffix, "rightSuffix is null");
        this.nullsEqual = nullsEqual;
    }

    /** An inner join on keys named alike on both sides (output once, coalesced). */
    public static JoinSpec on(String... keys) {
        return new JoinSpec(List.of(keys), List.of(keys), JoinType.INNER, "_x", "_y", false);
    }

    /** An inner join on {@code leftKeys[i] = rightKeys[i]}. */
    public static JoinSpec on(List<String> leftKeys, List<String> rightKeys) {
        return new JoinSpec(leftKeys, rightKeys, JoinType.INNER, "_x", "_y", false);
    }

    /** This spec with another join kind. */
    public JoinSpec type(JoinType newType) {
        return new JoinSpec(leftKeys, rightKeys, newType, leftSuffix, rightSuffix, nullsEqual);
    }

    /** Inner join: matching rows only. */
    public JoinSpec inner() {
        return type(JoinType.INNER);
    }

    /** Left outer join: every left row, null-padded when unmatched. */
    public JoinSpec left() {
        return type(JoinType.LEFT);
    }

    /** Right outer join: every right row, null-padded when unmatched. */
    public JoinSpec right() {
        return type(JoinType.RIGHT);
    }

    /** Full outer join. */
    public JoinSpec full() {
        return type(JoinType.FULL);
    }

    /** Left rows that have a match (left columns only). */
    public JoinSpec semi() {
        return type(JoinType.SEMI);
    }

    /** Left rows that have no match (left columns only). */
    public JoinSpec anti() {
        return type(JoinType.ANTI);
    }

    /** Suffixes for non-key columns present on both sides. */
    public JoinSpec suffixes(String left, String right) {
        return new JoinSpec(leftKeys, rightKeys, type, left, right, nullsEqual);
    }

    /** Let null keys match each other. */
    public JoinSpec nullsEqual() {
        return new JoinSpec(leftKeys, rightKeys, type, leftSuffix, rightSuffix, true);
    }

    List<String> leftKeys() {
        return leftKeys;
    }

    List<String> rightKeys() {
        return rightKeys;
    }

    JoinType joinType() {
        return type;
    }

    String leftSuffix() {
        return leftSuffix;
    }

    String rightSuffix() {
        return rightSuffix;
    }

    boolean isNullsEqual() {
        return nullsEqual;
    }
}
