package io.datajax.runtime.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.datajax.api.DataJaxConfig;
import io.datajax.api.spi.Executor;
import io.datajax.api.spi.ExecutorProvider;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class LocalExecutorProviderTest {
    @Test
    void serviceLoaderFindsTheLocalProvider() {
        ExecutorProvider provider = ServiceLoader.load(ExecutorProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("local"))
                .findFirst()
                .orElseThrow();
        try (Executor executor = provider.create(DataJaxConfig.defaults())) {
            assertThat(executor).isInstanceOf(LocalExecutor.class);
            assertThat(executor.name()).isEqualTo("local");
            assertThat(executor.parallelism()).isEqualTo(1);
        }
    }
}
