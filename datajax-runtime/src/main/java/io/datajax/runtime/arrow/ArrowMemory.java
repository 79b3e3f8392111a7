package io.datajax.runtime.arrow;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * Bulk copies between Java arrays and Arrow buffers, and bit packing. Callers check buffer capacities first:
 * these methods write and read raw memory.
 */
final class ArrowMemory {
    /** Elements per ByteBuffer view, so that a view's byte size fits in an int. */
    private static final int VIEW_ELEMENTS = 1 << 27;
    /** Whether direct ByteBuffer views of Arrow memory are available (needs add-opens java.base/java.nio). */
    private static final boolean VIEWS = viewsAvailable();

    private ArrowMemory() {
    }

    private static boolean viewsAvailable() {
        try {
            long address = MemoryUtil.allocateMemory(8);
            try {
                return MemoryUtil.directBuffer(address, 8) != null;
            } finally {
                MemoryUtil.freeMemory(address);
            }
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static ByteBuffer view(long address, long bytes) {
        return MemoryUtil.directBuffer(address, (int) bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    static void putInts(ArrowBuf buf, int[] src, int from, int count) {
        long address = buf.memoryAddress();
        if (!VIEWS) {
            for (int i = 0; i < count; i++) {
                MemoryUtil.putInt(address + 4L * i, src[from + i]);
            }
            return;
        }
        while (count > 0) {
            int n = Math.min(count, VIEW_ELEMENTS);
            view(address, 4L * n).asIntBuffer().put(src, from, n);
            address += 4L * n;
            from += n;
            count -= n;
        }
    }

    static void getInts(ArrowBuf buf, int[] dst, int to, int count) {
        long address = buf.memoryAddress();
        if (!VIEWS) {
            for (int i = 0; i < count; i++) {
                dst[to + i] = MemoryUtil.getInt(address + 4L * i);
            }
            return;
        }
        while (count > 0) {
            int n = Math.min(count, VIEW_ELEMENTS);
            view(address, 4L * n).asIntBuffer().get(dst, to, n);
            address += 4L * n;
            to += n;
            count -= n;
        }
    }

    static void putLongs(ArrowBuf buf, long[] src, int from, int count) {
        long address = buf.memoryAddress();
        if (!VIEWS) {
            for (int i = 0; i < count; i++) {
                MemoryUtil.putLong(address + 8L * i, src[from + i]);
            }
            return;
        }
        while (count > 0) {
            int n = Math.min(count, VIEW_ELEMENTS);
            view(address, 8L * n).asLongBuffer().put(src, from, n);
            address += 8L * n;
            from += n;
            count -= n;
        }
    }

    static void getLongs(ArrowBuf buf, long[] dst, int to, int count) {
        long address = buf.memoryAddress();
        if (!VIEWS) {
            for (int i = 0; i < count; i++) {
                dst[to + i] = MemoryUtil.getLong(address + 8L * i);
            }
            return;
        }
        while (count > 0) {
            int n = Math.min(count, VIEW_ELEMENTS);
            view(address, 8L * n).asLongBuffer().get(dst, to, n);
            address += 8L * n;
            to += n;
            count -= n;
        }
    }

    static void putDoubles(ArrowBuf buf, double[] src, int from, int count) {
        long address = buf.memoryAddress();
        if (!VIEWS) {
            for (int i = 0; i < count; i++) {
                MemoryUtil.putLong(address + 8L * i, Double.doubleToRawLongBits(src[from + i]));
            }
            return;
        }
        while (count > 0) {
            int n = Math.min(count, VIEW_ELEMENTS);
            view(address, 8L * n).asDoubleBuffer().put(src, from, n);
            address += 8L * n;
            from += n;
            count -= n;
        }
    }

    static void getDoubles(ArrowBuf buf, double[] dst, int to, int count) {
        long address = buf.memoryAddress();
        if (!VIEWS) {
            for (int i = 0; i < count; i++) {
                dst[to + i] = Double.longBitsToDouble(MemoryUtil.getLong(address + 8L * i));
            }
            return;
        }
        while (count > 0) {
            int n = Math.min(count, VIEW_ELEMENTS);
            view(address, 8L * n).asDoubleBuffer().get(dst, to, n);
            address += 8L * n;
            to += n;
            count -= n;
        }
    }

    static void putBytes(long address, byte[] src, int from, int count) {
        MemoryUtil.copyToMemory(src, from, address, count);
    }

    static void getBytes(ArrowBuf buf, long offset, byte[] dst, int to, int count) {
        MemoryUtil.copyFromMemory(buf.memoryAddress() + offset, dst, to, count);
    }

    /**
     * Writes {@code count} bits into {@code buf} from {@code flags[from..]}: bit {@code i} is set where
     * {@code flags[from + i] != invert}; a null {@code flags} array reads as all false. The padding bits of the
     * last byte are zero.
     */
    static void putBits(ArrowBuf buf, boolean[] flags, int from, int count, boolean invert) {
        int bytes = (count + 7) >>> 3;
        if (bytes == 0) {
            return;
        }
        if (flags == null) {
            // All bits equal: invert means every bit is set (e.g. validity of a column without nulls).
            if (invert) {
                buf.setOne(0L, (long) (count >>> 3));
                if ((count & 7) != 0) {
                    buf.setByte(count >>> 3, (1 << (count & 7)) - 1);
                }
            } else {
                buf.setZero(0L, (long) bytes);
            }
            return;
        }
        byte[] out = new byte[bytes];
        int full = count >>> 3;
        for (int b = 0; b < full; b++) {
            int base = from + (b << 3);
            int v = 0;
            for (int k = 0; k < 8; k++) {
                v |= (flags[base + k] != invert ? 1 : 0) << k;
            }
            out[b] = (byte) v;
        }
        int v = 0;
        for (int i = full << 3; i < count; i++) {
            v |= (flags[from + i] != invert ? 1 : 0) << (i & 7);
        }
        if ((count & 7) != 0) {
            out[full] = (byte) v;
        }
        putBytes(buf.memoryAddress(), out, 0, bytes);
    }

    /** The {@code count} bits of {@code buf} as bytes (bit {@code i} is bit {@code i & 7} of byte {@code i >> 3}). */
    static byte[] bitBytes(ArrowBuf buf, int count) {
        int bytes = (count + 7) >>> 3;
        byte[] out = new byte[bytes];
        getBytes(buf, 0, out, 0, bytes);
        return out;
    }

    /** Whether any of the first {@code count} bits is clear. */
    static boolean anyClear(byte[] bits, int count) {
        int full = count >>> 3;
        for (int b = 0; b < full; b++) {
            if (bits[b] != (byte) 0xFF) {
                return true;
            }
        }
        int rest = count & 7;
        return rest != 0 && (bits[full] & ((1 << rest) - 1)) != ((1 << rest) - 1);
    }

    /** Writes {@code dst[to + i] = (bit i is set) != invert} for the first {@code count} bits. */
    static void unpackBits(byte[] bits, int count, boolean[] dst, int to, boolean invert) {
        for (int i = 0; i < count; i++) {
            dst[to + i] = (((bits[i >>> 3] >>> (i & 7)) & 1) != 0) != invert;
        }
    }
}
