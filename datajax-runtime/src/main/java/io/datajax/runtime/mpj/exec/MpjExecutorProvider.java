package io.datajax.runtime.mpj.exec;

import static java.util.Objects.requireNonNull;

import io.datajax.api.DataJaxConfig;
import io.datajax.api.spi.Executor;
import io.datajax.api.spi.ExecutorProvider;
import io.datajax.runtime.mpj.MpjSettings;

/**
 * The service provider of the MPJ executor, named {@code "mpj"}: {@code DataJaxConfig.executor = "mpj"}
 * gives an executor over a pool of {@code config.mpj().ranks()} rank JVMs on this host, with the heap, JVM
 * options and call timeout of {@link DataJaxConfig#mpj()} and {@link MpjSettings}'s defaults for the rest
 * ({@link MpjSettings#of}). The provider reads nothing else (no environment, no system properties); for
 * other settings use {@code Executors.mpj(MpjSettings)} and {@code jit.on(executor)}.
 */
public final class MpjExecutorProvider implements ExecutorProvider {

    @Override
    public String name() {
        return MpjExecutor.NAME;
    }

    @Override
    public Executor create(DataJaxConfig config) {
        requireNonNull(config, "config is null");
        return MpjExecutor.start(MpjSettings.of(config.mpj()));
    }
}
