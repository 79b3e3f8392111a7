package io.datajax.tests.io;

import io.datajax.api.DataJaxConfig;

/** The conformance suite on the local executor (2 threads) with every input read from ARROW_FILE files. */
class LocalArrowFileConformanceTest extends FileConformanceSuite {
    @Override
    protected DataJaxConfig config() {
        return DataJaxConfig.defaults().withThreads(2);
    }

    @Override
    protected FileInputs format() {
        return FileInputs.ARROW_FILE;
    }
}
