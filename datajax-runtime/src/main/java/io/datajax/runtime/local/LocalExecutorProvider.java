package io.datajax.runtime.local;

import static java.util.Objects.requireNonNull;

import io.datajax.api.DataJaxConfig;
import io.datajax.api.spi.Executor;
import io.datajax.api.spi.ExecutorProvider;

/** The service provider of the in-process executor, named {@code "local"}. */
public final class LocalExecutorProvider implements ExecutorProvider {
    /** The provider name. */
    public static final String NAME = "local";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Executor create(DataJaxConfig config) {
        return new LocalExecutor(requireNonNull(config, "config is null"));
    }
}
