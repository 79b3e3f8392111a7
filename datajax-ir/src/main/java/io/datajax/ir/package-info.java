/**
 * The typed intermediate representation of a traced DataJax program: {@link io.datajax.ir.DataType},
 * {@link io.datajax.ir.Field}, {@link io.datajax.ir.Schema} and {@link io.datajax.ir.Sharding}.
 *
 * <p>Expressions live in {@code io.datajax.ir.expr}, plan nodes in {@code io.datajax.ir.plan}, errors in
 * {@code io.datajax.ir.error}. This module depends on the JDK only; the planner and every executor build
 * on it.
 */
package io.datajax.ir;
