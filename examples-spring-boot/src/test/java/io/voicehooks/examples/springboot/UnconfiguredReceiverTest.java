package io.voicehooks.examples.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** The example started with none of its environment variables set, as on a first run. */
@ExtendWith(OutputCaptureExtension.class)
@Timeout(60)
class UnconfiguredReceiverTest {

  @Test
  void startsWithNoEndpointAndSaysWhichPropertyEnablesEachProvider(CapturedOutput output) {
    try (ConfigurableApplicationContext context =
        SpringApplication.run(
            ReceiverApplication.class, "--server.port=0", "--server.address=127.0.0.1")) {
      assertThat(context.isRunning()).isTrue();
      assertThat(context.containsBean("agntixWebhookHandler")).isFalse();
    }

    assertThat(output)
        .contains("set voicehooks.agni.org-ids")
        .contains("set voicehooks.vaani.shared-secret")
        .contains("set voicehooks.agntix.secrets")
        .contains("set voicehooks.cllr.shared-secret");
  }
}
