package io.datajax.runtime.mpj;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datajax.ir.error.SchemaException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MpjSettingsTest {

    @Test
    void defaultsUseDebiansMpjExpressAndRoundsUnderSixtyFourMegabytes() {
        MpjSettings settings = MpjSettings.defaults(2);

        assertThat(settings.ranks()).isEqualTo(2);
        assertThat(settings.mpjHome()).isEqualTo(Path.of("/usr/share/mpj"));
        assertThat(settings.mpjClassPath()).containsExactly(Path.of("/usr/share/java/mpj.jar"),
                Path.of("/usr/share/java/log4j-1.2.jar"));
        assertThat(settings.roundBytes()).isLessThan(64 << 20);
    }

    @Test
    void zeroRanksAreRejectedNamingTheSetting() {
        assertThatThrownBy(() -> MpjSettings.defaults(0))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("INVALID_CONFIG")
                .hasMessageContaining("ranks must be at least 1, got 0");
    }

    @Test
    void aNonPositiveTimeoutIsRejectedNamingTheSetting() {
        assertThatThrownBy(() -> MpjSettings.defaults(2).withCallTimeout(Duration.ZERO))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("callTimeout must be positive, got PT0S");
    }

    @Test
    void jvmOptionsAreCopied() {
        List<String> options = new ArrayList<>(List.of("-XX:+UseSerialGC"));
        MpjSettings settings = MpjSettings.defaults(2).withJvmOptions(options);
        options.add("-Xss1m");

        assertThat(settings.jvmOptions()).containsExactly("-XX:+UseSerialGC");
    }

    @Test
    void aMissingMpjJarFailsTheStartNamingTheInstallCommand() {
        MpjSettings settings = MpjSettings.defaults(2).withMpj(Path.of("/nonexistent/mpj"),
                List.of(Path.of("/nonexistent/mpj.jar")));

        assertThatThrownBy(() -> RankPool.start(settings))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("/nonexistent/mpj.jar (setting MpjSettings.mpjClassPath) does not exist")
                .hasMessageContaining("apt-get install -y libmpj-java");
    }
}
