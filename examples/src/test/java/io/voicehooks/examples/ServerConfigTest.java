package io.voicehooks.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class ServerConfigTest {
  @Test
  void fromEnvironment_readsEveryVariable_andTreatsBlankAsUnset() {
    ServerConfig config =
        ServerConfig.fromEnvironment(
            Map.of(
                "AGNI_ORG_ID", " org-1 ",
                "AGNTIX_WEBHOOK_SECRET", "whsec_abc",
                "VAANI_URL_SECRET", "",
                "CLLR_URL_SECRET", " old-token, new-token ,,",
                "VOICEHOOKS_JDBC_URL", "jdbc:postgresql://db/x?password=hunter2"));

    assertThat(config)
        .isEqualTo(
            new ServerConfig(
                "org-1",
                "whsec_abc",
                List.of(),
                List.of("old-token", "new-token"),
                "jdbc:postgresql://db/x?password=hunter2"));
  }

  @Test
  void toString_namesSettingsButNeverValues() {
    ServerConfig config =
        new ServerConfig("org-1", "whsec_abc", List.of(), List.of("cllr-token"), "jdbc:x");

    assertThat(config.toString())
        .contains("agntixSecret=set", "vaaniUrlSecrets=0", "cllrUrlSecrets=1")
        .doesNotContain("whsec_abc", "cllr-token", "org-1", "jdbc:x");
  }

  @Test
  void serveOptions_parsesPortAndHost_andRejectsBadInput() {
    assertThat(Main.ServeOptions.parse(List.of()))
        .isEqualTo(new Main.ServeOptions("0.0.0.0", 8080));
    assertThat(Main.ServeOptions.parse(List.of("--port", "9090", "--host", "127.0.0.1")))
        .isEqualTo(new Main.ServeOptions("127.0.0.1", 9090));
    assertThatThrownBy(() -> Main.ServeOptions.parse(List.of("--port", "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--port");
    assertThatThrownBy(() -> Main.ServeOptions.parse(List.of("--port")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Missing value");
    assertThatThrownBy(() -> Main.ServeOptions.parse(List.of("--verbose", "1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Unknown option");
  }
}
