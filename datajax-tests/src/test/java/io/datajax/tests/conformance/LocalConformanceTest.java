package io.datajax.tests.conformance;

import io.datajax.api.DataJaxConfig;

/** The conformance suite on the local executor with the default settings (every rewrite rule on). */
class LocalConformanceTest extends ConformanceSuite {
    @Override
    protected DataJaxConfig config() {
        return DataJaxConfig.defaults();
    }
}
