/**
 * The executor service-provider interface. Executors live in other modules (e.g. {@code datajax-runtime})
 * and are found through {@link java.util.ServiceLoader} by {@link io.datajax.api.spi.ExecutorProvider#name()};
 * the API never imports them.
 */
package io.datajax.api.spi;
