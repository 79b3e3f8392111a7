/**
 * The runtime's public entry point: {@link io.datajax.runtime.Executors} creates the local executor
 * ({@code .local}) and the MPJ executor ({@code .mpj.exec}). The executors themselves, their kernels
 * ({@code .kernel}, {@code .vector}), column model ({@code .column}), Arrow and Tablesaw conversions and the
 * MPJ process layer ({@code .mpj}) live in the sub-packages.
 */
package io.datajax.runtime;
