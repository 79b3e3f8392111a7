package io.datajax.api.trace;

import io.datajax.api.DataJaxConfig;
import io.datajax.api.spi.Executor;
import io.datajax.api.spi.ExecutorProvider;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.ErrorMessages;
import io.datajax.ir.error.ExecutionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds executor providers through {@link ServiceLoader} and keeps one shared executor per configuration,
 * closed at JVM shutdown. Callers that want their own lifecycle create executors directly from a provider.
 */
public final class ExecutorRegistry {
    private static final Map<DataJaxConfig, Executor> SHARED = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> SHARED.values().forEach(Executor::close),
                "datajax-executor-shutdown"));
    }

    private ExecutorRegistry() {
    }

    /** The shared executor for {@code config}, created on first use. */
    public static Executor shared(DataJaxConfig config) {
        return SHARED.computeIfAbsent(config, c -> provider(c.executor()).create(c));
    }

    /** The provider registered under {@code name}. */
    public static ExecutorProvider provider(String name) {
        List<String> names = new ArrayList<>();
        for (ExecutorProvider provider : ServiceLoader.load(ExecutorProvider.class)) {
            if (provider.name().equals(name)) {
                return provider;
            }
            names.add(provider.name());
        }
        throw new ExecutionException(ErrorCode.EXECUTOR_NOT_FOUND, "No executor named '" + name + "'."
                + ErrorMessages.didYouMean(name, names) + " Available: " + ErrorMessages.list(names)
                + (names.isEmpty() ? " (add datajax-runtime to the class path)" : "") + ".");
    }
}
