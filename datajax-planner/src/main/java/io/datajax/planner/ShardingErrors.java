package io.datajax.planner;

import io.datajax.ir.Mesh;
import io.datajax.ir.Sharding;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.ErrorMessages;
import io.datajax.ir.error.SchemaException;
import io.datajax.ir.error.ShardingException;
import java.util.List;

/** The planner's sharding messages, in one place. */
final class ShardingErrors {
    private ShardingErrors() {
    }

    static ShardingException strictMismatch(Sharding expected, Sharding actual, Mesh mesh) {
        return new ShardingException(ErrorCode.INVALID_SHARDING, "Strict pjit: the result is sharded " + actual
                + " but outShardings expects " + expected + " (mesh " + mesh + "). Expected: " + expected
                + ", actual: " + actual + ". Make the function produce that placement (e.g. group or repartition"
                + " by the key), or drop strict() to let the planner insert a repartition stage.");
    }

    static SchemaException unknownKey(String role, Sharding spec, String key, List<String> columns) {
        return new SchemaException(ErrorCode.UNKNOWN_COLUMN, role + " " + spec + " names column '" + key + "', which "
                + "is not a column of " + (role.startsWith("out") ? "the result" : "its input") + "."
                + ErrorMessages.didYouMean(key, columns) + " Columns: " + ErrorMessages.list(columns) + ".");
    }

    static ShardingException boundInsidePlan(Sharding spec, Mesh mesh) {
        return new ShardingException(ErrorCode.INVALID_SHARDING, "repartition(" + spec + ") inside the function binds"
                + " a spec to one axis of mesh " + mesh + ", which would replicate rows along the other axes for the"
                + " stages after it. Bind specs to an axis only in pjit's inShardings and outShardings, or leave it"
                + " unbound (" + unbound(spec) + ") to span the whole mesh.");
    }

    static ShardingException unsupportedOutput(Sharding spec, Mesh mesh) {
        return new ShardingException(ErrorCode.INVALID_SHARDING, "outShardings " + spec + " is not supported on mesh "
                + mesh + ": on a mesh of several axes, an output bound to an axis must be byKey(...)@axis. Use"
                + " byKey(...)@" + spec.axis().orElse("axis") + ", replicated, or an unbound blocks.");
    }

    private static Sharding unbound(Sharding spec) {
        if (spec instanceof Sharding.ByKey byKey) {
            return Sharding.byKey(byKey.keys());
        }
        return spec instanceof Sharding.Replicated ? Sharding.replicated() : Sharding.blocks();
    }
}
