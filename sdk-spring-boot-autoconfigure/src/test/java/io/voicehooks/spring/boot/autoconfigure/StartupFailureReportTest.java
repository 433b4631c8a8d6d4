package io.voicehooks.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A real application that cannot start: the failure analyzer, found through {@code
 * META-INF/spring.factories}, prints Spring Boot's report naming the property and the fix.
 */
@ExtendWith(OutputCaptureExtension.class)
@Timeout(60)
class StartupFailureReportTest {

  @SpringBootConfiguration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class Application {}

  @Test
  void enabledWithoutItsSecretPrintsTheReportNamingThePropertyAndTheAction(CapturedOutput output) {
    assertThatThrownBy(
            () ->
                new SpringApplicationBuilder(Application.class)
                    .properties(
                        "server.port=0",
                        "spring.main.banner-mode=off",
                        "voicehooks.agntix.enabled=true")
                    .run())
        .hasRootCauseInstanceOf(VoiceHooksConfigurationException.class);

    assertThat(output.getOut() + output.getErr())
        .contains("APPLICATION FAILED TO START")
        .contains("voicehooks.agntix.enabled is true, but voicehooks.agntix.secrets is not set")
        .contains("Action:")
        .contains("Set voicehooks.agntix.secrets to the endpoint's signing secret");
  }
}
