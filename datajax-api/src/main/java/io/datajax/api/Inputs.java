package io.datajax.api;

import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.ErrorMessages;
import io.datajax.ir.error.SchemaException;
import java.util.List;
import java.util.Map;

/** The named input frames of a {@link NamedFrameFunction}. Immutable. */
public final class Inputs {
    private final Map<String, Frame> frames;

    Inputs(Map<String, Frame> frames) {
        this.frames = Map.copyOf(frames);
    }

    /** The input of that name. */
    public Frame frame(String name) {
        Frame frame = frames.get(name);
        if (frame == null) {
            List<String> names = frames.keySet().stream().sorted().toList();
            throw new SchemaException(ErrorCode.UNKNOWN_COLUMN, "No input named '" + name + "'."
                    + ErrorMessages.didYouMean(name, names) + " Inputs: " + ErrorMessages.list(names));
        }
        return frame;
    }

    /** The input names, sorted. */
    public List<String> names() {
        return frames.keySet().stream().sorted().toList();
    }
}
