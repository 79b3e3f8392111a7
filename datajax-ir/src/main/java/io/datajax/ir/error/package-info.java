/**
 * The DataJax error hierarchy: one unchecked root, {@link io.datajax.ir.error.DataJaxException}, with a
 * stable {@link io.datajax.ir.error.ErrorCode} and a kind per subclass (schema, tracing, sharding,
 * execution, resource, internal). Messages say what failed, the offending value, the valid choices and
 * the user's call site.
 */
package io.datajax.ir.error;
