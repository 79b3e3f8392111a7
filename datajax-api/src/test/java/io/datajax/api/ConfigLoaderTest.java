package io.datajax.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
    @Test
    void defaultsApplyWhenNothingIsSet() {
        assertThat(ConfigLoader.from(new Properties(), Map.of())).isEqualTo(DataJaxConfig.defaults());
    }

    @Test
    void systemPropertiesWinOverTheEnvironment() {
        Properties properties = new Properties();
        properties.setProperty("datajax.threads", "2");
        DataJaxConfig config = ConfigLoader.from(properties, Map.of("DATAJAX_THREADS", "4",
                "DATAJAX_DISABLED_RULES", "MergeFilters, PruneColumns"));
        assertThat(config.threads()).isEqualTo(2);
        assertThat(config.disabledRules()).isEqualTo(Set.of("MergeFilters", "PruneColumns"));
    }

    @Test
    void unknownSettingsFailLoudlyWithASuggestion() {
        Properties properties = new Properties();
        properties.setProperty("datajax.thread", "2");
        assertThatThrownBy(() -> ConfigLoader.from(properties, Map.of()))
                .hasMessageContaining("Unknown DataJax system property 'datajax.thread'. Did you mean 'datajax.threads'?");
    }

    @Test
    void badValuesNameTheSetting() {
        assertThatThrownBy(() -> ConfigLoader.from(new Properties(), Map.of("DATAJAX_THREADS", "two")))
                .hasMessageContaining("Setting threads (datajax.threads / DATAJAX_THREADS) is 'two'; it must be a positive integer.");
        assertThatThrownBy(() -> ConfigLoader.from(new Properties(), Map.of("DATAJAX_THREADS", "0")))
                .hasMessageContaining("threads must be at least 1, got 0.");
    }
}
