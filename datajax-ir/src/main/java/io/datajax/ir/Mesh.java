package io.datajax.ir;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.ErrorMessages;
import io.datajax.ir.error.ShardingException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A logical grid of ranks: named axes with sizes, in order ({@code rows=4}, or {@code data=2 x model=2}).
 * Its size (the product of the axis sizes) is the number of ranks. Immutable.
 *
 * <p>Ranks map to coordinates in row-major order: the last axis varies fastest, so on {@code data=2 x
 * model=2} rank 0 is (0, 0), rank 1 is (0, 1), rank 2 is (1, 0) and rank 3 is (1, 1).
 *
 * <p>A {@link Sharding} bound to axis {@code a} places rows across the {@code size(a)} positions along
 * {@code a} and replicates them along every other axis: {@code byKey(k)@data} on {@code data=2 x model=2}
 * hashes each row to one of the two {@code data} groups, and both ranks of that group (its two
 * {@code model} positions) hold it.
 *
 * <pre>{@code
 * Mesh rows = Mesh.of("rows", 4);
 * Mesh grid = Mesh.builder().axis("data", 2).axis("model", 2).build();
 * }</pre>
 */
public final class Mesh {
    private final List<Axis> axes;
    private final int size;

    /**
     * One axis of a mesh.
     *
     * @param name a non-empty name, unique in its mesh
     * @param size the number of positions along it, at least 1
     */
    public record Axis(String name, int size) {
        public Axis {
            requireNonNull(name, "name is null");
            if (name.isBlank()) {
                throw new ShardingException(ErrorCode.INVALID_SHARDING, "A mesh axis needs a non-empty name, got '"
                        + name + "'. Name each axis, e.g. Mesh.of(\"rows\", 4).");
            }
            if (size < 1) {
                throw new ShardingException(ErrorCode.INVALID_SHARDING, "Mesh axis '" + name + "' has size " + size
                        + "; every axis needs a size of at least 1.");
            }
        }

        @Override
        public String toString() {
            return name + "=" + size;
        }
    }

    private Mesh(List<Axis> axes) {
        requireNonNull(axes, "axes is null");
        if (axes.isEmpty()) {
            throw new ShardingException(ErrorCode.INVALID_SHARDING, "A mesh needs at least one axis, e.g."
                    + " Mesh.of(\"rows\", 4).");
        }
        Set<String> names = new HashSet<>();
        long product = 1;
        for (Axis axis : axes) {
            requireNonNull(axis, "axis is null");
            if (!names.add(axis.name())) {
                throw new ShardingException(ErrorCode.INVALID_SHARDING, "Mesh axis name '" + axis.name()
                        + "' appears twice in " + describe(axes) + "; axis names must be unique.");
            }
            product *= axis.size();
            if (product > Integer.MAX_VALUE) {
                throw new ShardingException(ErrorCode.INVALID_SHARDING, "Mesh " + describe(axes) + " has more than "
                        + Integer.MAX_VALUE + " ranks.");
            }
        }
        this.axes = List.copyOf(axes);
        this.size = (int) product;
    }

    /** A mesh of one axis. */
    public static Mesh of(String name, int size) {
        return new Mesh(List.of(new Axis(name, size)));
    }

    /** A mesh of the given axes, in order. */
    public static Mesh of(List<Axis> axes) {
        return new Mesh(new ArrayList<>(requireNonNull(axes, "axes is null")));
    }

    /** A builder adding axes in order. */
    public static Builder builder() {
        return new Builder();
    }

    /** Adds axes in order; {@link #build()} validates. */
    public static final class Builder {
        private final List<Axis> axes = new ArrayList<>();

        private Builder() {
        }

        /** Appends an axis. */
        public Builder axis(String name, int size) {
            axes.add(new Axis(name, size));
            return this;
        }

        /** The mesh of the axes added so far. */
        public Mesh build() {
            return new Mesh(axes);
        }
    }

    /** The axes, in order. */
    public List<Axis> axes() {
        return axes;
    }

    /** The axis names, in order. */
    public List<String> axisNames() {
        return axes.stream().map(Axis::name).toList();
    }

    /** The number of ranks: the product of the axis sizes. */
    public int size() {
        return size;
    }

    /** The index of the axis named {@code name}, if any. */
    public Optional<Integer> indexOf(String name) {
        for (int i = 0; i < axes.size(); i++) {
            if (axes.get(i).name().equals(name)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /**
     * The axis named {@code name}.
     *
     * @throws ShardingException ({@code INVALID_SHARDING}) naming the mesh's axes and the nearest name
     */
    public Axis axis(String name) {
        return indexOf(name).map(axes::get).orElseThrow(() -> new ShardingException(ErrorCode.INVALID_SHARDING,
                "Mesh " + this + " has no axis '" + name + "'." + ErrorMessages.didYouMean(name, axisNames())
                        + " Axes: " + ErrorMessages.list(axisNames()) + "."));
    }

    /**
     * The axis at {@code index}.
     *
     * @throws ShardingException ({@code INVALID_SHARDING}) when the index is out of range
     */
    public Axis axis(int index) {
        if (index < 0 || index >= axes.size()) {
            throw new ShardingException(ErrorCode.INVALID_SHARDING, "Mesh " + this + " has no axis " + index
                    + "; axis indices are 0 to " + (axes.size() - 1) + " (axes " + ErrorMessages.list(axisNames()) + ").");
        }
        return axes.get(index);
    }

    /** The position of {@code rank} along {@code axis} (row-major). */
    public int coordinate(int rank, String axis) {
        int index = requireAxis(axis);
        requireRank(rank);
        return (rank / stride(index)) % axes.get(index).size();
    }

    /**
     * The position of {@code rank} among the ranks sharing its coordinate along {@code axis} (its replica
     * index for a spec bound to {@code axis}), from 0 to {@code size() / size(axis) - 1}, in rank order.
     */
    public int replicaIndex(int rank, String axis) {
        int index = requireAxis(axis);
        requireRank(rank);
        int stride = stride(index);
        return rank / (stride * axes.get(index).size()) * stride + rank % stride;
    }

    /** How many ranks one step along axis {@code index} skips (row-major). */
    private int stride(int index) {
        int stride = 1;
        for (int i = axes.size() - 1; i > index; i--) {
            stride *= axes.get(i).size();
        }
        return stride;
    }

    private int requireAxis(String name) {
        axis(name);
        return indexOf(name).orElseThrow();
    }

    private void requireRank(int rank) {
        if (rank < 0 || rank >= size) {
            throw new IllegalArgumentException("rank " + rank + " is outside mesh " + this + " of " + size + " ranks");
        }
    }

    /** The ranks whose coordinate along {@code axis} is {@code position}, in rank order. */
    public List<Integer> ranksAt(String axis, int position) {
        List<Integer> out = new ArrayList<>();
        for (int r = 0; r < size; r++) {
            if (coordinate(r, axis) == position) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * {@code spec} as this mesh reads it: a spec bound to the mesh's only axis spans the whole mesh, and
     * {@code replicated} is replicated whatever axis it names. Other specs are returned as they are.
     */
    public Sharding normalize(Sharding spec) {
        requireNonNull(spec, "spec is null");
        if (spec.axis().isEmpty()) {
            return spec;
        }
        if (spec instanceof Sharding.Replicated) {
            return Sharding.replicated();
        }
        if (axes.size() > 1) {
            return spec;
        }
        if (spec instanceof Sharding.ByKey byKey) {
            return Sharding.byKey(byKey.keys());
        }
        return Sharding.blocks();
    }

    /**
     * Checks that {@code spec}'s axis, if any, is one of this mesh's.
     *
     * @param what the spec's role in messages, e.g. {@code "inShardings[0]"}
     * @throws ShardingException ({@code INVALID_SHARDING}) listing the mesh's axes and the nearest name
     */
    public void requireAxisOf(Sharding spec, String what) {
        requireNonNull(spec, "spec is null");
        spec.axis().ifPresent(name -> {
            if (indexOf(name).isEmpty()) {
                throw new ShardingException(ErrorCode.INVALID_SHARDING, what + " " + spec + " is bound to axis '" + name
                        + "', but mesh " + this + " has no such axis." + ErrorMessages.didYouMean(name, axisNames())
                        + " Axes: " + ErrorMessages.list(axisNames()) + ". Bind the spec to one of them, or leave it"
                        + " unbound to span the whole mesh.");
            }
        });
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Mesh mesh && mesh.axes.equals(axes);
    }

    @Override
    public int hashCode() {
        return axes.hashCode();
    }

    /** E.g. {@code rows=4} or {@code data=2 x model=2}. */
    @Override
    public String toString() {
        return describe(axes);
    }

    private static String describe(List<Axis> axes) {
        return String.join(" x ", axes.stream().map(Axis::toString).toList());
    }
}
