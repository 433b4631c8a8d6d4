package io.voicehooks.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

final class DemoTest {
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void run_deliversEverySampleAndEveryFailureCase_andReturns0() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int status = Demo.run(new PrintStream(out, true, StandardCharsets.UTF_8));

    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(status).as(text).isZero();
    assertThat(text)
        .contains("Received by the listeners: 15 events, each once")
        .contains("Deliveries and the answers returned: 18")
        .contains("All as expected")
        .doesNotContain("UNEXPECTED");
    assertThat(text.lines())
        .anyMatch(l -> l.startsWith("agni") && l.contains("500, 200 (+30s)"))
        .anyMatch(l -> l.contains("duplicate") && l.contains("{\"status\":\"duplicate\"}"))
        .anyMatch(l -> l.contains("wrong signature") && l.contains("401 x"))
        .anyMatch(l -> l.contains("malformed body") && l.contains("400"))
        .anyMatch(l -> l.startsWith("cllr") && l.contains("693bff62619c51fac21acf50"));
  }

  @Test
  void human_formatsDurationsForTheTable() {
    assertThat(Demo.human(null)).isEqualTo("-");
    assertThat(Demo.human(Duration.ofMillis(42_500))).isEqualTo("42.5s");
    assertThat(Demo.human(Duration.ofSeconds(125))).isEqualTo("2m 5s");
    assertThat(Demo.human(Duration.ofSeconds(7 * 3600 + 5))).isEqualTo("7h 0m 5s");
  }
}
