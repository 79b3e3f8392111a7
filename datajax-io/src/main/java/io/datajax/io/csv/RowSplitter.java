package io.datajax.io.csv;

/**
 * Finds the fields of one CSV row in a byte buffer: RFC 4180 with a configurable delimiter and quote (a quote
 * inside a quoted field is doubled), LF or CRLF line ends, a missing line end at the end of the file. A quote
 * that does not start a field is an ordinary character. Not thread-safe: the fields of the last row are held
 * in the public arrays until the next call.
 */
final class RowSplitter {
    /** {@link #split} needs more bytes to see the whole row. */
    static final int NEED_MORE = -1;

    /** The row is well formed. */
    static final int OK = 0;
    /** A quoted field is not closed before the end of the file. */
    static final int UNTERMINATED_QUOTE = 1;
    /** A closing quote is followed by something other than a delimiter or line end. */
    static final int TEXT_AFTER_QUOTE = 2;

    private final byte delimiter;
    private final byte quote;

    /** Field {@code i} is {@code buffer[starts[i], ends[i])}, without its quotes. */
    int[] starts;
    int[] ends;
    /** Whether field {@code i} was quoted. */
    boolean[] quoted;
    /** Whether field {@code i} holds doubled quotes to unescape. */
    boolean[] escaped;
    /** The fields of the row, possibly more than the arrays hold (only the first ones are recorded). */
    int count;
    /** {@link #OK} or the problem of the row. */
    int problem;
    /** For {@link #TEXT_AFTER_QUOTE}: the field whose closing quote is followed by text. */
    int problemField;

    RowSplitter(char delimiter, char quote, int columns) {
        this.delimiter = (byte) delimiter;
        this.quote = (byte) quote;
        int capacity = Math.max(1, columns);
        starts = new int[capacity];
        ends = new int[capacity];
        quoted = new boolean[capacity];
        escaped = new boolean[capacity];
    }

    /** Records at most {@code columns} fields per row from now on. */
    void ensureCapacity(int columns) {
        if (columns > starts.length) {
            starts = new int[columns];
            ends = new int[columns];
            quoted = new boolean[columns];
            escaped = new boolean[columns];
        }
    }

    /**
     * Splits the row starting at {@code b[p]} ({@code p < limit}); {@code endOfFile} says no bytes follow
     * {@code limit}. Returns the index after the row's line end, or {@link #NEED_MORE} if the row runs past
     * {@code limit} and more bytes exist.
     */
    int split(byte[] b, int p, int limit, boolean endOfFile) {
        count = 0;
        problem = OK;
        byte delimiter = this.delimiter;
        byte quote = this.quote;
        while (true) {
            if (p < limit && b[p] == quote) {
                int q = p + 1;
                boolean doubled = false;
                while (true) {
                    while (q < limit && b[q] != quote) {
                        q++;
                    }
                    if (q + 1 >= limit && !endOfFile) {
                        return NEED_MORE;
                    }
                    if (q >= limit) {
                        record(p + 1, limit, true, doubled);
                        problem = UNTERMINATED_QUOTE;
                        problemField = count - 1;
                        return limit;
                    }
                    if (q + 1 < limit && b[q + 1] == quote) {
                        doubled = true;
                        q += 2;
                        continue;
                    }
                    break;
                }
                record(p + 1, q, true, doubled);
                p = q + 1;
                if (p >= limit) {
                    return limit;
                }
                byte c = b[p];
                if (c == delimiter) {
                    p++;
                    continue;
                }
                if (c == '\n') {
                    return p + 1;
                }
                if (c == '\r') {
                    if (p + 1 >= limit) {
                        return endOfFile ? limit : NEED_MORE;
                    }
                    if (b[p + 1] == '\n') {
                        return p + 2;
                    }
                }
                problem = TEXT_AFTER_QUOTE;
                problemField = count - 1;
                while (p < limit && b[p] != '\n') {
                    p++;
                }
                if (p >= limit) {
                    return endOfFile ? limit : NEED_MORE;
                }
                return p + 1;
            }
            int q = p;
            while (q < limit) {
                byte c = b[q];
                if (c == delimiter || c == '\n') {
                    break;
                }
                q++;
            }
            if (q >= limit) {
                if (!endOfFile) {
                    return NEED_MORE;
                }
                record(p, q > p && b[q - 1] == '\r' ? q - 1 : q, false, false);
                return limit;
            }
            if (b[q] == delimiter) {
                record(p, q, false, false);
                p = q + 1;
                continue;
            }
            record(p, q > p && b[q - 1] == '\r' ? q - 1 : q, false, false);
            return q + 1;
        }
    }

    private void record(int start, int end, boolean isQuoted, boolean isEscaped) {
        int i = count++;
        if (i < starts.length) {
            starts[i] = start;
            ends[i] = end;
            quoted[i] = isQuoted;
            escaped[i] = isEscaped;
        }
    }
}
