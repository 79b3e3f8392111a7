package io.datajax.runtime;

import static java.util.Objects.requireNonNull;

import io.datajax.api.DataJaxConfig;
import io.datajax.runtime.local.LocalExecutor;
import io.datajax.runtime.mpj.MpjSettings;
import io.datajax.runtime.mpj.exec.MpjExecutor;

/**
 * Creates the runtime's executors for callers that own their lifecycle ({@code jit.on(executor)}, then
 * {@code close()}); {@code DataJaxConfig.executor} selects shared ones by name instead.
 *
 * <pre>{@code
 * try (MpjExecutor mpj = Executors.mpj(2)) {
 *     Table out = DataJax.djit(fn).on(mpj).apply(table);
 * }
 * }</pre>
 */
public final class Executors {
    private Executors() {
    }

    /** The in-process executor configured by {@code config}. */
    public static LocalExecutor local(DataJaxConfig config) {
        return new LocalExecutor(requireNonNull(config, "config is null"));
    }

    /** The MPJ executor in driver mode over {@code ranks} rank JVMs on this host, with default settings. */
    public static MpjExecutor mpj(int ranks) {
        return MpjExecutor.start(MpjSettings.defaults(ranks));
    }

    /** The MPJ executor in driver mode over rank JVMs started with {@code settings}. */
    public static MpjExecutor mpj(MpjSettings settings) {
        return MpjExecutor.start(requireNonNull(settings, "settings is null"));
    }
}
