/** Runnable examples; {@link io.datajax.examples.RevenueDemo} is the README's demo. */
package io.datajax.examples;
