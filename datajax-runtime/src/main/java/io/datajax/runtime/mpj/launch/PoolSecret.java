package io.datajax.runtime.mpj.launch;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The random secret of one generation of a pool's ranks. It reaches each rank on its standard input
 * (never the command line or environment, which other local users can read) and the rank proves it on
 * its control connection.
 */
public final class PoolSecret {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] bytes;

    private PoolSecret(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A new secret of 32 random bytes. */
    public static PoolSecret random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new PoolSecret(bytes);
    }

    /** The secret as the single hex line a rank reads from standard input. */
    public String hexLine() {
        return HexFormat.of().formatHex(bytes) + "\n";
    }

    /** The raw secret bytes (a copy). */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Whether {@code candidate} is this secret; takes the same time wherever the bytes differ. */
    public boolean matches(byte[] candidate) {
        return MessageDigest.isEqual(bytes, candidate);
    }

    @Override
    public String toString() {
        return "PoolSecret[hidden]";
    }
}
