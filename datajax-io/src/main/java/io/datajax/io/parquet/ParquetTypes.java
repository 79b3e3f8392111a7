package io.datajax.io.parquet;

import io.datajax.ir.DataType;
import io.datajax.ir.Field;
import io.datajax.ir.Schema;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.format.ConvertedType;
import org.apache.parquet.format.DateType;
import org.apache.parquet.format.FieldRepetitionType;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.LogicalType;
import org.apache.parquet.format.MicroSeconds;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.StringType;
import org.apache.parquet.format.TimeUnit;
import org.apache.parquet.format.TimestampType;
import org.apache.parquet.format.Type;

/**
 * The mapping between DataJax and Parquet column types: BOOLEAN - boolean, INT32 - int32, INT64 - int64,
 * FLOAT64 - double, STRING - binary (STRING), DATE - int32 (DATE), TIMESTAMP - int64 (TIMESTAMP(MICROS, not
 * adjusted to UTC)). Written columns are optional; read columns may be required or optional.
 */
final class ParquetTypes {
    private ParquetTypes() {
    }

    /** The DataJax schema of a Parquet file's flat schema. */
    static Schema schema(String file, FileMetaData metadata) {
        List<SchemaElement> elements = metadata.getSchema();
        SchemaElement root = elements.get(0);
        int children = root.isSetNum_children() ? root.getNum_children() : 0;
        if (children != elements.size() - 1) {
            String nested = elements.stream().skip(1).filter(e -> e.isSetNum_children() && e.getNum_children() > 0)
                    .map(SchemaElement::getName).findFirst().orElse("?");
            throw ParquetErrors.unsupportedType(file, nested, "group (nested columns)");
        }
        List<Field> fields = new ArrayList<>(children);
        for (SchemaElement element : elements.subList(1, elements.size())) {
            fields.add(new Field(element.getName(), dataType(file, element),
                    element.getRepetition_type() != FieldRepetitionType.REQUIRED));
        }
        return new Schema(fields);
    }

    /** The DataJax type of a leaf column. */
    static DataType dataType(String file, SchemaElement element) {
        DataType type = match(element);
        if (type == null) {
            throw ParquetErrors.unsupportedType(file, element.getName(), describe(element));
        }
        return type;
    }

    private static DataType match(SchemaElement element) {
        if (element.getRepetition_type() == FieldRepetitionType.REPEATED || !element.isSetType()) {
            return null;
        }
        LogicalType logical = element.isSetLogicalType() ? element.getLogicalType() : null;
        ConvertedType converted = element.isSetConverted_type() ? element.getConverted_type() : null;
        switch (element.getType()) {
            case BOOLEAN:
                return logical == null && converted == null ? DataType.BOOLEAN : null;
            case DOUBLE:
                return logical == null && converted == null ? DataType.FLOAT64 : null;
            case INT32:
                if (logical != null) {
                    return logical.isSetDATE() ? DataType.DATE
                            : signedInteger(logical, 32) ? DataType.INT32 : null;
                }
                return converted == null || converted == ConvertedType.INT_32 ? DataType.INT32
                        : converted == ConvertedType.DATE ? DataType.DATE : null;
            case INT64:
                if (logical != null) {
                    if (logical.isSetTIMESTAMP()) {
                        TimestampType timestamp = logical.getTIMESTAMP();
                        return timestamp.getUnit().isSetMICROS() && !timestamp.isIsAdjustedToUTC()
                                ? DataType.TIMESTAMP : null;
                    }
                    return signedInteger(logical, 64) ? DataType.INT64 : null;
                }
                return converted == null || converted == ConvertedType.INT_64 ? DataType.INT64 : null;
            case BYTE_ARRAY:
                if (logical != null) {
                    return logical.isSetSTRING() ? DataType.STRING : null;
                }
                return converted == ConvertedType.UTF8 ? DataType.STRING : null;
            default:
                return null;
        }
    }

    private static boolean signedInteger(LogicalType logical, int bits) {
        return logical.isSetINTEGER() && logical.getINTEGER().isIsSigned() && logical.getINTEGER().getBitWidth() == bits;
    }

    /** The Parquet type of an element as a reader sees it, e.g. {@code optional int32 (INTEGER(16, true))}. */
    static String describe(SchemaElement element) {
        StringBuilder text = new StringBuilder();
        text.append(element.isSetRepetition_type() ? element.getRepetition_type().name().toLowerCase() : "")
                .append(' ').append(element.isSetType() ? element.getType().name().toLowerCase() : "group");
        if (element.isSetLogicalType()) {
            text.append(" (").append(element.getLogicalType()).append(')');
        } else if (element.isSetConverted_type()) {
            text.append(" (").append(element.getConverted_type()).append(')');
        }
        return text.toString().trim();
    }

    /** The physical type that holds a DataJax type. */
    static Type physical(DataType type) {
        return switch (type) {
            case BOOLEAN -> Type.BOOLEAN;
            case INT32, DATE -> Type.INT32;
            case INT64, TIMESTAMP -> Type.INT64;
            case FLOAT64 -> Type.DOUBLE;
            case STRING -> Type.BYTE_ARRAY;
            case NULL -> throw new IllegalArgumentException("a NULL column has no Parquet type");
        };
    }

    /** The schema elements of a written file: the root, then one optional leaf per field. */
    static List<SchemaElement> elements(Schema schema) {
        List<SchemaElement> elements = new ArrayList<>(schema.size() + 1);
        SchemaElement root = new SchemaElement("schema");
        root.setNum_children(schema.size());
        elements.add(root);
        for (Field field : schema.fields()) {
            SchemaElement element = new SchemaElement(field.name());
            element.setType(physical(field.type()));
            element.setRepetition_type(FieldRepetitionType.OPTIONAL);
            switch (field.type()) {
                case STRING -> {
                    element.setLogicalType(LogicalType.STRING(new StringType()));
                    element.setConverted_type(ConvertedType.UTF8);
                }
                case DATE -> {
                    element.setLogicalType(LogicalType.DATE(new DateType()));
                    element.setConverted_type(ConvertedType.DATE);
                }
                case TIMESTAMP -> element.setLogicalType(LogicalType.TIMESTAMP(
                        new TimestampType(false, TimeUnit.MICROS(new MicroSeconds()))));
                default -> {
                }
            }
            elements.add(element);
        }
        return elements;
    }
}
