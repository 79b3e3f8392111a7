package io.datajax.tests.io;

import io.datajax.api.DataJaxConfig;
import io.datajax.runtime.mpj.exec.MpjExecutor;

/**
 * The conformance suite on the MPJ executor with 3 ranks and hash-exchanged joins, every input a CSV source
 * that the ranks read themselves.
 */
class MpjThreeRankCsvConformanceTest extends FileConformanceSuite {
    @Override
    protected DataJaxConfig config() {
        return DataJaxConfig.defaults().withExecutor(MpjExecutor.NAME)
                .withMpj(DataJaxConfig.MpjConfig.defaults().withRanks(3).withBroadcastRows(0));
    }

    @Override
    protected boolean preservesInputOrder() {
        return false;
    }

    @Override
    protected FileInputs format() {
        return FileInputs.CSV;
    }
}
