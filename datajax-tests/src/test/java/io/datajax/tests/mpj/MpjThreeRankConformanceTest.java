package io.datajax.tests.mpj;

import io.datajax.api.DataJaxConfig;
import io.datajax.runtime.mpj.exec.MpjExecutor;
import io.datajax.tests.conformance.ConformanceSuite;

/**
 * The conformance suite on the MPJ executor with 3 rank processes ({@code DataJaxConfig.mpj().ranks() = 3}), one warm
 * pool for the whole class, with broadcast joins off ({@code broadcastRows = 0}: every join hash-exchanges both
 * sides; the two-rank suite runs with the default threshold, so its small joins broadcast their right side).
 * Only key-sorted and explicitly sorted order is checked.
 */
class MpjThreeRankConformanceTest extends ConformanceSuite {
    @Override
    protected DataJaxConfig config() {
        return DataJaxConfig.defaults().withExecutor(MpjExecutor.NAME)
                .withMpj(DataJaxConfig.MpjConfig.defaults().withRanks(3).withBroadcastRows(0));
    }

    @Override
    protected boolean preservesInputOrder() {
        return false;
    }
}
