package io.datajax.api;

/** A program of named input frames, e.g. {@code in -> in.frame("orders").join(in.frame("users"), "user_id")}. */
@FunctionalInterface
public interface NamedFrameFunction {
    Frame apply(Inputs inputs);
}
