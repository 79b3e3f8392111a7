package io.datajax.ir.error;

import java.util.List;

/** A column, type or naming problem, raised at trace time. */
public final class SchemaException extends DataJaxException {
    public SchemaException(ErrorCode code, String message) {
        super(code, message);
    }

    /** No column of that name; names the nearest and lists the available ones. */
    public static SchemaException unknownColumn(String name, List<String> available) {
        return new SchemaException(ErrorCode.UNKNOWN_COLUMN, "No column '" + name + "'."
                + ErrorMessages.didYouMean(name, available) + " Columns: " + ErrorMessages.list(available));
    }

    /** Two columns of one name in a schema. */
    public static SchemaException duplicateColumn(String name, List<String> columns) {
        return new SchemaException(ErrorCode.DUPLICATE_COLUMN, "Column '" + name + "' appears twice in "
                + ErrorMessages.list(columns) + ". Rename or alias one of them.");
    }

    /** An operator applied to operands of types it does not accept. */
    public static SchemaException typeMismatch(String what, String detail) {
        return new SchemaException(ErrorCode.TYPE_MISMATCH, "Type mismatch in " + what + ": " + detail);
    }
}
