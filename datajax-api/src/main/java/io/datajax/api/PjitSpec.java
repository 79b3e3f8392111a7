package io.datajax.api;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.Mesh;
import io.datajax.ir.Sharding;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.ErrorMessages;
import io.datajax.ir.error.SchemaException;
import io.datajax.ir.error.ShardingException;
import io.datajax.ir.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code pjit} adds to a jitted function: the mesh, the declared input shardings (by position, or by
 * input name for named functions), the required result sharding and whether a differing result is an
 * error ({@code strict}). Immutable; every axis is checked against the mesh when it is made.
 *
 * @param mesh the mesh whose size must equal the executor's rank count
 * @param positional input shardings in input order (positional functions), else null
 * @param named input shardings by input name (named functions), else null
 * @param out the result sharding
 * @param strict whether a result sharding other than {@code out} is an error instead of a repartition
 */
record PjitSpec(Mesh mesh, List<Sharding> positional, Map<String, Sharding> named, Sharding out, boolean strict) {
    PjitSpec {
        requireNonNull(mesh, "mesh is null");
        requireNonNull(out, "outShardings is null");
        if ((positional == null) == (named == null)) {
            throw new IllegalArgumentException("exactly one of positional and named input shardings");
        }
        if (positional != null) {
            for (int i = 0; i < positional.size(); i++) {
                requireNonNull(positional.get(i), "inShardings[" + i + "] is null");
                mesh.requireAxisOf(positional.get(i), "inShardings[" + i + "]");
            }
            positional = List.copyOf(positional);
        } else {
            named.forEach((name, spec) -> mesh.requireAxisOf(requireNonNull(spec, "inShardings of '" + name + "' is null"),
                    "inShardings['" + name + "']"));
            named = Map.copyOf(named);
        }
        mesh.requireAxisOf(out, "outShardings");
    }

    /** A positional spec whose input count is checked against {@code names}. */
    static PjitSpec positional(Mesh mesh, List<Sharding> in, Sharding out, List<String> names) {
        requireNonNull(in, "inShardings is null");
        if (in.size() != names.size()) {
            throw new ShardingException(ErrorCode.INVALID_SHARDING, "pjit of a function of " + names.size()
                    + " input(s) " + ErrorMessages.list(names) + " takes " + names.size() + " input sharding(s), one per"
                    + " input, but was given " + in.size() + ": " + in + ".");
        }
        return new PjitSpec(mesh, in, null, out, false);
    }

    /** This spec in strict mode. */
    PjitSpec strictly() {
        return new PjitSpec(mesh, positional, named, out, true);
    }

    /**
     * The declared sharding of each input, in the order of {@code names}, checked against the inputs' schemas.
     *
     * @throws ShardingException when a named input has no sharding, or a sharding names no input
     * @throws SchemaException ({@code UNKNOWN_COLUMN}) when a byKey key is not a column of its input
     */
    List<Sharding> inputShardings(List<String> names, List<Schema> schemas) {
        List<Sharding> out = new ArrayList<>(names.size());
        if (positional != null) {
            out.addAll(positional);
        } else {
            for (String name : new TreeMap<>(named).keySet()) {
                if (!names.contains(name)) {
                    throw new ShardingException(ErrorCode.INVALID_SHARDING, "inShardings names input '" + name
                            + "', but the call has no such input." + ErrorMessages.didYouMean(name, names)
                            + " Inputs: " + ErrorMessages.list(names) + ".");
                }
            }
            for (String name : names) {
                Sharding spec = named.get(name);
                if (spec == null) {
                    throw new ShardingException(ErrorCode.INVALID_SHARDING, "Input '" + name + "' has no entry in"
                            + " pjit's inShardings " + new TreeMap<>(named) + "; give every input a spec (Sharding.blocks()"
                            + " when rows lie in row order).");
                }
                out.add(spec);
            }
        }
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i) instanceof Sharding.ByKey byKey) {
                List<String> columns = schemas.get(i).names();
                for (String key : byKey.keys()) {
                    if (!columns.contains(key)) {
                        throw new SchemaException(ErrorCode.UNKNOWN_COLUMN, "inShardings " + byKey + " of input '"
                                + names.get(i) + "' names column '" + key + "', which the input does not have."
                                + ErrorMessages.didYouMean(key, columns) + " Columns: " + ErrorMessages.list(columns) + ".");
                    }
                }
            }
        }
        return out;
    }

    /**
     * Checks that the mesh has as many ranks as the executor before anything runs.
     *
     * @throws ShardingException ({@code INVALID_SHARDING}) naming both numbers
     */
    void requireRanks(String executor, int parallelism) {
        if (mesh.size() != parallelism) {
            throw new ShardingException(ErrorCode.INVALID_SHARDING, "pjit's mesh " + mesh + " has " + mesh.size()
                    + " rank(s), but executor '" + executor + "' runs " + parallelism + " rank(s). Use a mesh of "
                    + parallelism + " rank(s), or an executor with " + mesh.size() + " ranks (e.g. Executors.mpj("
                    + mesh.size() + ")).");
        }
    }

    /** Canonical text for the plan cache signature. */
    String settings() {
        return "mesh=" + mesh + ", out=" + out + ", strict=" + strict;
    }

    /** The explain header line, e.g. {@code pjit: mesh data=2 x model=2, out byKey(k)@data}. */
    String header() {
        return "pjit: mesh " + mesh + ", out " + out + (strict ? " (strict)" : "");
    }
}
