/**
 * Runnable examples; {@link io.datajax.examples.RevenueDemo} is the README's demo ({@code --executor mpj
 * --ranks N} for the MPJ executor), {@link io.datajax.examples.SpmdRevenue} an SPMD program every rank runs.
 */
package io.datajax.examples;
