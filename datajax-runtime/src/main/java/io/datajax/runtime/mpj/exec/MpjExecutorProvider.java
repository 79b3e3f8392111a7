package io.datajax.runtime.mpj.exec;

import static java.util.Objects.requireNonNull;

import io.datajax.api.DataJaxConfig;
import io.datajax.api.spi.Executor;
import io.datajax.api.spi.ExecutorProvider;
import io.datajax.runtime.mpj.MpjSettings;

/**
 * The service provider of the MPJ executor, named {@code "mpj"}: {@code DataJaxConfig.executor = "mpj"}
 * gives an executor over a pool of {@value #DEFAULT_RANKS} rank JVMs on this host with
 * {@link MpjSettings#defaults(int)}. {@link DataJaxConfig} has no rank settings yet, and the provider reads
 * nothing else (no environment, no system properties); for other settings use
 * {@code Executors.mpj(MpjSettings)} and {@code jit.on(executor)}.
 */
public final class MpjExecutorProvider implements ExecutorProvider {
    /** The rank count of executors created through the provider. */
    public static final int DEFAULT_RANKS = 2;

    @Override
    public String name() {
        return MpjExecutor.NAME;
    }

    @Override
    public Executor create(DataJaxConfig config) {
        requireNonNull(config, "config is null");
        return MpjExecutor.start(MpjSettings.defaults(DEFAULT_RANKS));
    }
}
