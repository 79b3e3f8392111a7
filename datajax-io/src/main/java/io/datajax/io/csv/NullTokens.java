package io.datajax.io.csv;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Tells whether an unquoted field's bytes are one of the null tokens. Immutable. */
final class NullTokens {
    private final boolean emptyIsNull;
    private final byte[][] tokens;

    NullTokens(List<String> nullTokens) {
        emptyIsNull = nullTokens.contains("");
        tokens = nullTokens.stream().filter(token -> !token.isEmpty())
                .map(token -> token.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
    }

    boolean matches(byte[] b, int start, int end) {
        int length = end - start;
        if (length == 0) {
            return emptyIsNull;
        }
        for (byte[] token : tokens) {
            if (token.length == length && java.util.Arrays.equals(b, start, end, token, 0, length)) {
                return true;
            }
        }
        return false;
    }
}
