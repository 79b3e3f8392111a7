package io.datajax.tests.io;

import io.datajax.api.DataJaxConfig;
import io.datajax.runtime.mpj.exec.MpjExecutor;

/**
 * The conformance suite on the MPJ executor with 2 ranks, every input a Parquet source that the ranks read
 * themselves (each its block of row groups; the driver ships no rows).
 */
class MpjParquetConformanceTest extends FileConformanceSuite {
    @Override
    protected DataJaxConfig config() {
        return DataJaxConfig.defaults().withExecutor(MpjExecutor.NAME);
    }

    @Override
    protected boolean preservesInputOrder() {
        return false;
    }

    @Override
    protected FileInputs format() {
        return FileInputs.PARQUET;
    }
}
