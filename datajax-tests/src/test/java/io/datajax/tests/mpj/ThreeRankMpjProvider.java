package io.datajax.tests.mpj;

import io.datajax.api.DataJaxConfig;
import io.datajax.api.spi.Executor;
import io.datajax.api.spi.ExecutorProvider;
import io.datajax.runtime.Executors;

/**
 * A test-only provider, {@code "mpj-3ranks"}: the MPJ executor over 3 ranks, so that suites that take a
 * {@link DataJaxConfig} (not an executor) can run on 3 ranks while {@code DataJaxConfig} has no rank
 * setting. Registered in the test resources' {@code META-INF/services}.
 */
public final class ThreeRankMpjProvider implements ExecutorProvider {
    /** The provider name. */
    public static final String NAME = "mpj-3ranks";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Executor create(DataJaxConfig config) {
        return Executors.mpj(3);
    }
}
