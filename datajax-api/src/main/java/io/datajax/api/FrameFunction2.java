package io.datajax.api;

/** A program of two input frames, e.g. a join of two tables. */
@FunctionalInterface
public interface FrameFunction2 {
    Frame apply(Frame left, Frame right);
}
