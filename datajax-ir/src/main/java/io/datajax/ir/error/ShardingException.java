package io.datajax.ir.error;

/** A sharding spec or mesh that is invalid, or a plan whose sharding differs from what was required. */
public final class ShardingException extends DataJaxException {
    public ShardingException(ErrorCode code, String message) {
        super(code, message);
    }
}
