package io.datajax.ir.plan;

import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.ExecutionException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * The serialised form of a plan, for shipping it to other processes. Records are decoded through their
 * canonical constructors, so a decoded plan is re-validated; only DataJax IR classes and the JDK value
 * classes they hold are accepted, and the source and sink descriptions of {@code datajax-io}
 * ({@code io.datajax.io.*} records holding only such values).
 */
public final class PlanCodec {
    private static final Set<String> ALLOWED_JDK = Set.of(
            "java.lang.Integer", "java.lang.Long", "java.lang.Double", "java.lang.Boolean", "java.lang.String",
            "java.lang.Number", "java.lang.Enum", "java.lang.Object", "java.time.Ser", "java.time.LocalDate",
            "java.time.LocalDateTime", "java.util.Optional", "java.util.ImmutableCollections$ListN",
            "java.util.ImmutableCollections$List12", "java.util.CollSer");

    private static final ObjectInputFilter FILTER = info -> {
        Class<?> type = info.serialClass();
        if (info.depth() > 500 || info.references() > 1_000_000) {
            return ObjectInputFilter.Status.REJECTED;
        }
        if (type == null) {
            return ObjectInputFilter.Status.UNDECIDED;
        }
        Class<?> element = type.isArray() ? type.getComponentType() : type;
        if (element.isPrimitive() || element.getName().startsWith("io.datajax.ir.")
                || element.getName().startsWith("io.datajax.io.")
                || ALLOWED_JDK.contains(element.getName())) {
            return ObjectInputFilter.Status.ALLOWED;
        }
        return ObjectInputFilter.Status.REJECTED;
    };

    private PlanCodec() {
    }

    /**
     * Encodes any IR value (a sink description, say) with the same serial form and checks as plans; decode it
     * with {@link #decodeValue}.
     */
    public static byte[] encodeValue(Serializable value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Decodes bytes written by {@link #encodeValue} as a {@code type}.
     *
     * @throws ExecutionException with code INVALID_PLAN when the bytes are not such a value
     */
    public static <T> T decodeValue(byte[] bytes, Class<T> type) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(FILTER);
            Object value = in.readObject();
            if (!type.isInstance(value)) {
                throw new ExecutionException(ErrorCode.INVALID_PLAN, "Decoded a " + value.getClass().getName()
                        + " where a " + type.getName() + " was expected.");
            }
            return type.cast(value);
        } catch (IOException | ClassNotFoundException e) {
            throw new ExecutionException(ErrorCode.INVALID_PLAN, "Could not decode a " + type.getSimpleName() + ": "
                    + e, e);
        }
    }

    /** Encodes a plan to bytes. */
    public static byte[] encode(PlanNode plan) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(plan);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Decodes bytes written by {@link #encode}.
     *
     * @throws ExecutionException with code INVALID_PLAN when the bytes are not a valid plan
     */
    public static PlanNode decode(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(FILTER);
            Object value = in.readObject();
            if (!(value instanceof PlanNode plan)) {
                throw new ExecutionException(ErrorCode.INVALID_PLAN, "Serialised plan holds a "
                        + (value == null ? "null" : value.getClass().getName()) + ", not a plan node.");
            }
            return plan;
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            if (e instanceof ExecutionException ee) {
                throw ee;
            }
            throw new ExecutionException(ErrorCode.INVALID_PLAN, "Cannot decode a serialised plan ("
                    + bytes.length + " bytes): " + e, e);
        }
    }
}
