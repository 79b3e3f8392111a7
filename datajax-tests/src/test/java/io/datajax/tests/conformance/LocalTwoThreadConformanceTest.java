package io.datajax.tests.conformance;

import io.datajax.api.DataJaxConfig;

/** The conformance suite on the local executor with two worker threads: the same rows as with one. */
class LocalTwoThreadConformanceTest extends ConformanceSuite {
    @Override
    protected DataJaxConfig config() {
        return DataJaxConfig.defaults().withThreads(2);
    }
}
