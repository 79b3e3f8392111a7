package io.datajax.ir.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorMessagesTest {
    @Test
    void nearestFindsTyposIgnoringCase() {
        assertThat(ErrorMessages.nearest("revnue", List.of("user_id", "revenue"))).contains("revenue");
        assertThat(ErrorMessages.nearest("USER_ID", List.of("user_id", "revenue"))).contains("user_id");
    }

    @Test
    void nearestIgnoresUnrelatedNames() {
        assertThat(ErrorMessages.nearest("price", List.of("user_id", "revenue"))).isEmpty();
    }

    @Test
    void callSiteIsTheFirstFrameOutsideTheLibrary() {
        StackTraceElement user = new StackTraceElement("com.example.Pipeline", "build", "Pipeline.java", 42);
        StackTraceElement[] trace = {
            new StackTraceElement("io.datajax.ir.Schema", "field", "Schema.java", 80),
            new StackTraceElement("io.datajax.api.Frame", "filter", "Frame.java", 120),
            user,
            new StackTraceElement("java.lang.Thread", "run", "Thread.java", 833),
        };
        assertThat(CallSites.firstUserFrame(trace)).contains(user);
    }

    @Test
    void messageEndsWithTheCallSite() {
        SchemaException error = SchemaException.unknownColumn("x", List.of("y"));
        error.withCallSite(new StackTraceElement("com.example.Pipeline", "build", "Pipeline.java", 42));
        assertThat(error.getMessage()).isEqualTo("[UNKNOWN_COLUMN] No column 'x'. Did you mean 'y'? Columns: [y]\n"
                + "  at com.example.Pipeline.build(Pipeline.java:42)");
        assertThat(error.reason()).isEqualTo("No column 'x'. Did you mean 'y'? Columns: [y]");
    }
}
