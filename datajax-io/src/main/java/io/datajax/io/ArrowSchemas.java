package io.datajax.io;

import static java.util.Objects.requireNonNull;

import io.datajax.ir.DataType;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.SchemaException;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.Types.MinorType;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The one mapping between DataJax and Arrow types, used by every reader, writer and executor (both directions,
 * nullability kept): BOOLEAN - Bool, INT32 - Int(32, signed), INT64 - Int(64, signed), FLOAT64 -
 * FloatingPoint(DOUBLE), STRING - Utf8, DATE - Date(DAY), TIMESTAMP - Timestamp(MICROSECOND, no zone), and the
 * untyped NULL - Null.
 */
public final class ArrowSchemas {
    private ArrowSchemas() {
    }

    /** The Arrow schema of a DataJax schema. */
    public static Schema toArrow(io.datajax.ir.Schema schema) {
        requireNonNull(schema, "schema is null");
        List<Field> fields = new ArrayList<>(schema.size());
        for (io.datajax.ir.Field field : schema.fields()) {
            fields.add(toArrow(field));
        }
        return new Schema(fields);
    }

    /** The Arrow field of a DataJax field. */
    public static Field toArrow(io.datajax.ir.Field field) {
        return new Field(field.name(), new FieldType(field.nullable(), arrowType(field.type()), null), null);
    }

    /** The Arrow type holding a DataJax type. */
    public static ArrowType arrowType(DataType type) {
        return switch (type) {
            case BOOLEAN -> ArrowType.Bool.INSTANCE;
            case INT32 -> new ArrowType.Int(32, true);
            case INT64 -> new ArrowType.Int(64, true);
            case FLOAT64 -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
            case STRING -> ArrowType.Utf8.INSTANCE;
            case DATE -> new ArrowType.Date(DateUnit.DAY);
            case TIMESTAMP -> new ArrowType.Timestamp(TimeUnit.MICROSECOND, null);
            case NULL -> ArrowType.Null.INSTANCE;
        };
    }

    /** The vector kind that holds a DataJax type. */
    public static MinorType minorType(DataType type) {
        return switch (type) {
            case BOOLEAN -> MinorType.BIT;
            case INT32 -> MinorType.INT;
            case INT64 -> MinorType.BIGINT;
            case FLOAT64 -> MinorType.FLOAT8;
            case STRING -> MinorType.VARCHAR;
            case DATE -> MinorType.DATEDAY;
            case TIMESTAMP -> MinorType.TIMESTAMPMICRO;
            case NULL -> MinorType.NULL;
        };
    }

    /**
     * The DataJax schema of an Arrow schema.
     *
     * @throws SchemaException TYPE_MISMATCH naming the field and its type when the type has no DataJax
     *     equivalent; INVALID_ARGUMENT for an unnamed field; DUPLICATE_COLUMN for repeated names
     */
    public static io.datajax.ir.Schema fromArrow(Schema schema) {
        requireNonNull(schema, "schema is null");
        List<io.datajax.ir.Field> fields = new ArrayList<>(schema.getFields().size());
        for (Field field : schema.getFields()) {
            fields.add(fromArrow(field, field.getType()));
        }
        return new io.datajax.ir.Schema(fields);
    }

    /**
     * The DataJax field of an Arrow field whose values have type {@code valueType} (for a dictionary-encoded
     * field, the dictionary's value type).
     */
    public static io.datajax.ir.Field fromArrow(Field field, ArrowType valueType) {
        String name = field.getName();
        if (name == null || name.isEmpty()) {
            throw new SchemaException(ErrorCode.INVALID_ARGUMENT, "Arrow field of type " + valueType
                    + " has no name; DataJax columns need non-empty, unique names.");
        }
        if (field.getDictionary() != null && !(valueType instanceof ArrowType.Utf8)) {
            throw SchemaException.typeMismatch("Arrow field '" + name + "'", "it is dictionary-encoded (id "
                    + field.getDictionary().getId() + ", type " + valueType + "); only Utf8 dictionaries in IPC"
                    + " streams are supported. Decode it with DictionaryEncoder.decode first.");
        }
        DataType type = dataJaxType(valueType);
        if (type == null) {
            throw SchemaException.typeMismatch("Arrow field '" + name + "'", "type " + valueType
                    + " has no DataJax equivalent. Supported: Bool, Int(32, signed), Int(64, signed),"
                    + " FloatingPoint(DOUBLE), Utf8, Date(DAY), Timestamp(MICROSECOND, no zone), Null.");
        }
        return new io.datajax.ir.Field(name, type, field.isNullable());
    }

    private static DataType dataJaxType(ArrowType type) {
        if (type instanceof ArrowType.Bool) {
            return DataType.BOOLEAN;
        } else if (type instanceof ArrowType.Int integer && integer.getIsSigned()) {
            return integer.getBitWidth() == 32 ? DataType.INT32 : integer.getBitWidth() == 64 ? DataType.INT64 : null;
        } else if (type instanceof ArrowType.FloatingPoint floating) {
            return floating.getPrecision() == FloatingPointPrecision.DOUBLE ? DataType.FLOAT64 : null;
        } else if (type instanceof ArrowType.Utf8) {
            return DataType.STRING;
        } else if (type instanceof ArrowType.Date date) {
            return date.getUnit() == DateUnit.DAY ? DataType.DATE : null;
        } else if (type instanceof ArrowType.Timestamp timestamp) {
            return timestamp.getUnit() == TimeUnit.MICROSECOND && timestamp.getTimezone() == null
                    ? DataType.TIMESTAMP : null;
        } else if (type instanceof ArrowType.Null) {
            return DataType.NULL;
        }
        return null;
    }
}
