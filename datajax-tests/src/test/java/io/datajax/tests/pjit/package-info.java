/**
 * End-to-end tests of {@code pjit} on real MPJ rank processes: meshes of one and two axes, declared input
 * shardings, required output shardings, and the placement check, against the local executor's results.
 */
package io.datajax.tests.pjit;
