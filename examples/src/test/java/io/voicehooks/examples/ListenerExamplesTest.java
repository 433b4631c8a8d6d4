package io.voicehooks.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

final class ListenerExamplesTest {
  private static String output(Consumer<PrintStream> example) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    example.accept(new PrintStream(out, true, StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void agni_printsTheTypedCall() {
    assertThat(output(AgniListenerExample::run))
        .contains("call session  019d2b3c-8e9f-7a0b-1c2d-4e5f6a7b8c9d")
        .contains("status        COMPLETED")
        .contains("duration      PT2M5S")
        .contains("started at    2026-03-24T18:30:00Z")
        .contains("cost          0.42")
        .contains("sentiment     POSITIVE")
        .contains("as a summary  COMPLETED after PT2M5S")
        .contains("answered      200 {\"status\":\"ok\"}");
  }

  @Test
  void vaani_printsTheWholeCall() {
    assertThat(output(VaaniListenerExample::run).lines())
        .extracting(line -> line.substring(0, 12).trim())
        .containsExactly(
            "started",
            "ringing",
            "picked up",
            "ended",
            "summary",
            "turns",
            "entities",
            "recording");
    assertThat(output(VaaniListenerExample::run)).contains("ended        after PT42.5S");
  }

  @Test
  void agntix_printsBothSessionEventsAndRefusesTheForgedOne() {
    assertThat(output(AgntixListenerExample::run))
        .contains("created      4981804c-2658-4893-84ff-9c2fa90fb3c2")
        .contains("direction    ")
        .contains("ended        ")
        .contains("forged       401");
  }

  @Test
  void cllr_printsTheTypedPostCallPayload() {
    assertThat(output(CllrListenerExample::run))
        .contains("call         693bff62619c51fac21acf50")
        .contains("caller       John Smith, +1-555-123-4567")
        .contains("scheduled    2025-01-20T10:00:00Z")
        .contains("outcome      Demo Scheduled")
        .contains("answered     200 {\"status\":\"ok\"}")
        .contains(
            "wrong token  401 {\"error\":\"Wrong credentials in the token query parameter\"}");
  }
}
