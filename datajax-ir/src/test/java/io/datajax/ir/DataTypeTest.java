package io.datajax.ir;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DataTypeTest {
    @Test
    void numericTypesPromoteToTheWiderOne() {
        assertThat(DataType.INT32.unify(DataType.INT64)).contains(DataType.INT64);
        assertThat(DataType.INT64.unify(DataType.FLOAT64)).contains(DataType.FLOAT64);
        assertThat(DataType.FLOAT64.unify(DataType.INT32)).contains(DataType.FLOAT64);
    }

    @Test
    void dateAndStringNeverConvertImplicitly() {
        assertThat(DataType.DATE.unify(DataType.STRING)).isEmpty();
        assertThat(DataType.STRING.unify(DataType.INT64)).isEmpty();
        assertThat(DataType.DATE.unify(DataType.TIMESTAMP)).isEmpty();
    }

    @Test
    void untypedNullTakesTheOtherType() {
        assertThat(DataType.NULL.unify(DataType.STRING)).contains(DataType.STRING);
        assertThat(DataType.DATE.unify(DataType.NULL)).contains(DataType.DATE);
    }
}
