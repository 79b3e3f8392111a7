/**
 * End-to-end tests of the MPJ executor (driver mode) with real rank processes: the conformance suite on 2
 * and 3 ranks, failures and recovery.
 */
package io.datajax.tests.mpj;
