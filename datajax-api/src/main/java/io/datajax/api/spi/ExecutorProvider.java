package io.datajax.api.spi;

import io.datajax.api.DataJaxConfig;

/**
 * Creates executors; registered in {@code META-INF/services/io.datajax.api.spi.ExecutorProvider}.
 */
public interface ExecutorProvider {

    /** The name users select this executor by, e.g. {@code "local"}. */
    String name();

    /** A new executor configured by {@code config}; the caller closes it. */
    Executor create(DataJaxConfig config);
}
