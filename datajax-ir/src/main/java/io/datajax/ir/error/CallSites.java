package io.datajax.ir.error;

import java.util.Optional;

/** Finds the user's line in a stack trace: the first frame outside DataJax's library packages and the JDK. */
public final class CallSites {
    private static final String[] LIBRARY_PREFIXES = {
        "io.datajax.ir.", "io.datajax.api.", "io.datajax.planner.", "io.datajax.runtime.", "io.datajax.io.",
        "java.", "javax.", "jdk.", "sun.",
    };

    private CallSites() {
    }

    /** The first frame of {@code trace} that belongs to user code. */
    public static Optional<StackTraceElement> firstUserFrame(StackTraceElement[] trace) {
        for (StackTraceElement frame : trace) {
            if (!isLibrary(frame.getClassName())) {
                return Optional.of(frame);
            }
        }
        return Optional.empty();
    }

    /** The user's frame calling into DataJax right now. */
    public static Optional<StackTraceElement> current() {
        return firstUserFrame(new Throwable().getStackTrace());
    }

    private static boolean isLibrary(String className) {
        for (String prefix : LIBRARY_PREFIXES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
