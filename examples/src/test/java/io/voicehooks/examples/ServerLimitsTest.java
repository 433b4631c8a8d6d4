package io.voicehooks.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class ServerLimitsTest {
  @Test
  void defaults_areTheDocumentedOnes() {
    ServerLimits limits = ServerLimits.defaults();

    assertThat(limits.idleTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(limits.headerTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(limits.minBodyRate()).isEqualTo(16 * 1024);
    assertThat(limits.maxBodyBytes()).isEqualTo(4 * 1024 * 1024);
    assertThat(limits.maxSwallowBytes()).isEqualTo(8 * 1024 * 1024);
    assertThat(limits.maxHeaderBytes()).isEqualTo(16 * 1024);
    assertThat(limits.maxHeaderCount()).isEqualTo(100);
    assertThat(limits.acceptQueueSize()).isEqualTo(1024);
    assertThat(limits.maxThreads()).isEqualTo(200);
  }

  @Test
  void fromEnvironment_readsEveryVariableAndUnit_andKeepsDefaultsForUnsetOrBlank() {
    ServerLimits limits =
        ServerLimits.fromEnvironment(
            Map.of(
                "VOICEHOOKS_IDLE_TIMEOUT", "45s",
                "VOICEHOOKS_HEADER_TIMEOUT", "2500ms",
                "VOICEHOOKS_MIN_BODY_RATE", "0",
                "VOICEHOOKS_MAX_BODY_SIZE", "1MiB",
                "VOICEHOOKS_MAX_SWALLOW_SIZE", " 2 MiB ",
                "VOICEHOOKS_MAX_HEADER_SIZE", "32kib",
                "VOICEHOOKS_MAX_HEADER_COUNT", "",
                "VOICEHOOKS_ACCEPT_QUEUE", "2048",
                "VOICEHOOKS_MAX_THREADS", "64"));

    assertThat(limits)
        .isEqualTo(
            new ServerLimits(
                Duration.ofSeconds(45),
                Duration.ofMillis(2500),
                0,
                1 << 20,
                2 << 20,
                32 << 10,
                100,
                2048,
                64));
    assertThat(ServerLimits.fromEnvironment(Map.of("VOICEHOOKS_IDLE_TIMEOUT", "2m")).idleTimeout())
        .isEqualTo(Duration.ofMinutes(2));
    assertThat(ServerLimits.fromEnvironment(Map.of("VOICEHOOKS_IDLE_TIMEOUT", "7")).idleTimeout())
        .isEqualTo(Duration.ofSeconds(7));
    assertThat(ServerLimits.fromEnvironment(Map.of())).isEqualTo(ServerLimits.defaults());
  }

  @Test
  void fromEnvironment_unreadableValue_namesTheVariable() {
    assertThatThrownBy(
            () -> ServerLimits.fromEnvironment(Map.of("VOICEHOOKS_HEADER_TIMEOUT", "soon")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("VOICEHOOKS_HEADER_TIMEOUT")
        .hasMessageContaining("30s");
    assertThatThrownBy(
            () -> ServerLimits.fromEnvironment(Map.of("VOICEHOOKS_MAX_BODY_SIZE", "4 GB")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("VOICEHOOKS_MAX_BODY_SIZE");
    assertThatThrownBy(() -> ServerLimits.fromEnvironment(Map.of("VOICEHOOKS_MAX_THREADS", "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("VOICEHOOKS_MAX_THREADS");
  }

  @Test
  void constructor_rejectsLimitsThatCannotWork() {
    ServerLimits limits = ServerLimits.defaults();

    assertThatThrownBy(() -> limits.withHeaderTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("headerTimeout");
    assertThatThrownBy(() -> limits.withMaxBodyBytes(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxBodyBytes");
    assertThatThrownBy(() -> limits.withMaxThreads(4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxThreads");
    assertThatThrownBy(() -> limits.withMaxHeaderBytes(100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxHeaderBytes");
  }

  @Test
  void serverConfig_fromEnvironment_carriesTheLimits_andToStringShowsThem() {
    ServerConfig config =
        ServerConfig.fromEnvironment(
            Map.of("VOICEHOOKS_MAX_BODY_SIZE", "1MiB", "AGNTIX_WEBHOOK_SECRET", "whsec_abc"));

    assertThat(config.limits().maxBodyBytes()).isEqualTo(1 << 20);
    assertThat(config.toString()).contains("maxBodyBytes=1048576").doesNotContain("whsec_abc");
  }
}
