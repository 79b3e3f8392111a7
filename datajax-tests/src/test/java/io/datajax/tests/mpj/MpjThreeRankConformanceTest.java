package io.datajax.tests.mpj;

import io.datajax.api.DataJaxConfig;
import io.datajax.runtime.mpj.exec.MpjExecutor;
import io.datajax.tests.conformance.ConformanceSuite;

/**
 * The conformance suite on the MPJ executor with 3 rank processes ({@code DataJaxConfig.mpj().ranks() = 3}), one warm
 * pool for the whole class. Only key-sorted and explicitly sorted order is checked.
 */
class MpjThreeRankConformanceTest extends ConformanceSuite {
    @Override
    protected DataJaxConfig config() {
        return DataJaxConfig.defaults().withExecutor(MpjExecutor.NAME)
                .withMpj(DataJaxConfig.MpjConfig.defaults().withRanks(3));
    }

    @Override
    protected boolean preservesInputOrder() {
        return false;
    }
}
