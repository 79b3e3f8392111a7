package io.datajax.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datajax.api.DataJaxConfig.MpjConfig;
import java.time.Duration;
import java.util.List;
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

    @Test
    void mpjSettingsComeFromPropertiesAndTheEnvironment() {
        Properties properties = new Properties();
        properties.setProperty("datajax.mpj.ranks", "3");
        properties.setProperty("datajax.mpj.callTimeout", "90s");
        DataJaxConfig config = ConfigLoader.from(properties, Map.of("DATAJAX_MPJ_RANKS", "4",
                "DATAJAX_MPJ_RANK_HEAP_MEGABYTES", "512", "DATAJAX_MPJ_JVM_OPTIONS", " -Xss2m  -Dx=y "));
        assertThat(config.mpj()).isEqualTo(new MpjConfig(3, 512, List.of("-Xss2m", "-Dx=y"), Duration.ofSeconds(90)));
        assertThat(ConfigLoader.from(new Properties(), Map.of("DATAJAX_MPJ_CALL_TIMEOUT", "PT2M")).mpj().callTimeout())
                .isEqualTo(Duration.ofMinutes(2));
        assertThat(ConfigLoader.from(new Properties(), Map.of("DATAJAX_MPJ_CALL_TIMEOUT", "500ms")).mpj().callTimeout())
                .isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void broadcastRowsComesFromPropertiesAndTheEnvironment() {
        assertThat(ConfigLoader.from(new Properties(), Map.of()).mpj().broadcastRows())
                .isEqualTo(MpjConfig.DEFAULT_BROADCAST_ROWS);
        assertThat(ConfigLoader.from(new Properties(), Map.of("DATAJAX_MPJ_BROADCAST_ROWS", "5000")).mpj()
                .broadcastRows()).isEqualTo(5_000L);
        Properties properties = new Properties();
        properties.setProperty("datajax.mpj.broadcastRows", "0");
        assertThat(ConfigLoader.from(properties, Map.of("DATAJAX_MPJ_BROADCAST_ROWS", "5000")).mpj().broadcastRows())
                .isZero();
        assertThatThrownBy(() -> ConfigLoader.from(new Properties(), Map.of("DATAJAX_MPJ_BROADCAST_ROWS", "-1")))
                .hasMessageContaining("Setting mpj.broadcastRows (datajax.mpj.broadcastRows / DATAJAX_MPJ_BROADCAST_ROWS)"
                        + " is '-1'; it must be an integer, at least 0.");
    }

    @Test
    void badMpjValuesNameTheSetting() {
        assertThatThrownBy(() -> ConfigLoader.from(new Properties(), Map.of("DATAJAX_MPJ_RANKS", "0")))
                .hasMessageContaining("mpj.ranks must be at least 1, got 0.");
        assertThatThrownBy(() -> ConfigLoader.from(new Properties(), Map.of("DATAJAX_MPJ_RANK_HEAP_MEGABYTES", "32")))
                .hasMessageContaining("mpj.rankHeapMegabytes must be at least 64, got 32.");
        assertThatThrownBy(() -> ConfigLoader.from(new Properties(), Map.of("DATAJAX_MPJ_CALL_TIMEOUT", "soon")))
                .hasMessageContaining("Setting mpj.callTimeout (datajax.mpj.callTimeout / DATAJAX_MPJ_CALL_TIMEOUT) is"
                        + " 'soon'; it must be a duration such as 90s, 500ms, 10m, 1h or PT90S.");
    }

    @Test
    void unknownMpjKeysFailWithASuggestion() {
        Properties properties = new Properties();
        properties.setProperty("datajax.mpj.rank", "2");
        assertThatThrownBy(() -> ConfigLoader.from(properties, Map.of()))
                .hasMessageContaining("Unknown DataJax system property 'datajax.mpj.rank'. Did you mean 'datajax.mpj.ranks'?");
        assertThatThrownBy(() -> ConfigLoader.from(new Properties(), Map.of("DATAJAX_MPJ_HEAP", "512")))
                .hasMessageContaining("Unknown DataJax environment variable 'DATAJAX_MPJ_HEAP'.");
    }

    @Test
    void theRankPoolMarkerIsNotASetting() {
        Properties properties = new Properties();
        properties.setProperty("datajax.mpj.pool", "mpj-1234-1");
        assertThat(ConfigLoader.from(properties, Map.of())).isEqualTo(DataJaxConfig.defaults());
    }
}
