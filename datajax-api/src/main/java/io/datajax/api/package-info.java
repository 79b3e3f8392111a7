/**
 * The user-facing API: {@link io.datajax.api.DataJax#djit} turns a function over traced
 * {@link io.datajax.api.Frame}s into a {@link io.datajax.api.JitFunction} that traces once per input
 * signature, plans, and runs on an executor found through {@code io.datajax.api.spi}. Expressions are
 * built with {@link io.datajax.api.Functions}. Internals of tracing and caching live in
 * {@code io.datajax.api.trace}.
 */
package io.datajax.api;
