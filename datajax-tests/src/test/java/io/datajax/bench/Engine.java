package io.datajax.bench;

/** The engines each workload runs on, in the order they run and are reported. */
enum Engine {
    HAND_LOOP("hand loop", 1),
    DUCKDB_1("DuckDB 1t", 1),
    DUCKDB_2("DuckDB 2t", 2),
    DATAJAX_1("DataJax 1t", 1),
    DATAJAX_2("DataJax 2t", 2),
    TABLESAW("Tablesaw", 1);

    private final String label;
    private final int threads;

    Engine(String label, int threads) {
        this.label = label;
        this.threads = threads;
    }

    /** The column heading in reports. */
    String label() {
        return label;
    }

    /** Worker threads the engine is given (the hand loop and Tablesaw are single-threaded). */
    int threads() {
        return threads;
    }

    boolean isDataJax() {
        return this == DATAJAX_1 || this == DATAJAX_2;
    }

    boolean isDuckDb() {
        return this == DUCKDB_1 || this == DUCKDB_2;
    }
}
