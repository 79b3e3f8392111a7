package io.datajax.ir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.SchemaException;
import org.junit.jupiter.api.Test;

class SchemaTest {
    private final Schema schema = Schema.of(Field.of("user_id", DataType.INT64), Field.of("revenue", DataType.FLOAT64));

    @Test
    void unknownColumnNamesTheNearestAndAllColumns() {
        assertThatThrownBy(() -> schema.field("revnue"))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("No column 'revnue'. Did you mean 'revenue'? Columns: [user_id, revenue]")
                .extracting(e -> ((SchemaException) e).code()).isEqualTo(ErrorCode.UNKNOWN_COLUMN);
    }

    @Test
    void farFetchedNamesGetNoSuggestion() {
        assertThatThrownBy(() -> schema.field("zzz")).hasMessageNotContaining("Did you mean");
    }

    @Test
    void duplicateColumnsAreRejected() {
        assertThatThrownBy(() -> Schema.of(Field.of("a", DataType.INT64), Field.of("a", DataType.INT32)))
                .hasMessageContaining("Column 'a' appears twice");
    }

    @Test
    void printsCanonically() {
        assertThat(schema).hasToString("(user_id INT64, revenue FLOAT64)");
        assertThat(schema.withField(new Field("x", DataType.STRING, false)))
                .hasToString("(user_id INT64, revenue FLOAT64, x STRING NOT NULL)");
    }
}
