package io.datajax.tests.mpj;

import io.datajax.api.DataJaxConfig;
import io.datajax.runtime.mpj.exec.MpjExecutor;
import io.datajax.tests.conformance.ConformanceSuite;

/**
 * The conformance suite on the MPJ executor with 2 rank processes (the provider's default), one warm pool
 * for the whole class (the shared executor of the configuration). Only key-sorted and explicitly sorted
 * order is checked: distributed filters and joins return their rows as a multiset.
 */
class MpjTwoRankConformanceTest extends ConformanceSuite {
    @Override
    protected DataJaxConfig config() {
        return DataJaxConfig.defaults().withExecutor(MpjExecutor.NAME);
    }

    @Override
    protected boolean preservesInputOrder() {
        return false;
    }
}
