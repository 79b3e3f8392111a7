package io.datajax.tests.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Keeps docs/explain.md true: the plans quoted there are exactly what the code prints. */
class ExplainDocsTest {
    private static String docs() throws IOException {
        Path path = Path.of("..", "docs", "explain.md");
        return Files.readString(path);
    }

    @Test
    void demoPlanInTheDocsMatchesTheCode() throws IOException {
        String printed = DocumentedPipelines.revenue().trace(DocumentedPipelines.ORDERS).explain();
        assertThat(docs()).contains("```\n" + printed + "```");
    }

    @Test
    void filterJoinGroupByPlanInTheDocsMatchesTheCode() throws IOException {
        String printed = DocumentedPipelines.revenueByCountry().trace(DocumentedPipelines.FACT, DocumentedPipelines.USERS)
                .explain();
        assertThat(docs()).contains("```\n" + printed + "```");
    }

    @Test
    void tracedPlanInTheDocsMatchesTheCode() throws IOException {
        String printed = DocumentedPipelines.revenueByCountry().trace(DocumentedPipelines.FACT, DocumentedPipelines.USERS)
                .printTraced();
        assertThat(docs()).contains("```\n" + printed + "```");
    }
}
