package io.datajax.io.csv;

/** What a CSV read does with a malformed row (wrong field count, unparsable value, unterminated quote). */
public enum MalformedRowPolicy {
    /** The read fails with an error naming the file, line, column and value. */
    FAIL,
    /** The row is left out and recorded as a {@link io.datajax.io.Reject} in the read's stats. */
    REJECT
}
