package io.datajax.api;

/** A program of one input frame. */
@FunctionalInterface
public interface FrameFunction {
    Frame apply(Frame df);
}
