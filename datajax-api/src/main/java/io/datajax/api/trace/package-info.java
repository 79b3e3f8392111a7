/**
 * Internals behind {@code djit}: input signatures, the bounded plan cache, the mapping from Tablesaw
 * tables to schemas, and the lookup of executors through {@link java.util.ServiceLoader}. Not user API.
 */
package io.datajax.api.trace;
