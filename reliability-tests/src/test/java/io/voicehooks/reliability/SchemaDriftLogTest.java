package io.voicehooks.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.voicehooks.agni.AgniWebhookParser;
import io.voicehooks.agni.CallCompletedEvent;
import io.voicehooks.vaani.CallEndedEvent;
import io.voicehooks.vaani.VaaniWebhookParser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

/**
 * A provider's new fields show up in the log once, not once per field per delivery: one DEBUG line
 * per delivery names them (at most ten), one INFO line per parser the first time a path is met.
 * Names only, never values.
 */
final class SchemaDriftLogTest {
  private static final String LOGGER = "io.voicehooks.core.json";

  @Test
  void newTopLevelFields_oneDebugLinePerDelivery_oneInfoLineEver_noValues() {
    VaaniWebhookParser parser = VaaniWebhookParser.create();
    StringBuilder extra = new StringBuilder();
    for (int f = 0; f < 12; f++) {
      extra.append(",\"new_field_").append(f).append("\":\"VALUE-").append(f).append("-9f3\"");
    }
    LogCapture.start();
    for (int i = 0; i < 100; i++) {
      CallEndedEvent event =
          (CallEndedEvent)
              parser.parse(
                  "{\"event\":\"call_ended\",\"room_name\":\"room-" + i + "\"" + extra + "}");
      assertThat(event.extraFields()).hasSize(12);
    }
    List<LogCapture.Entry> logs = drift(LogCapture.stop());

    assertThat(logs.stream().filter(e -> e.level() == Level.DEBUG))
        .hasSize(100)
        .allSatisfy(
            e ->
                assertThat(e.text())
                    .contains("CallEndedEvent")
                    .contains("new_field_0, new_field_1")
                    .contains("new_field_9")
                    .doesNotContain("new_field_10")
                    .contains("and 2 more"));
    assertThat(logs.stream().filter(e -> e.level() == Level.INFO))
        .singleElement()
        .satisfies(e -> assertThat(e.text()).contains("new_field_0").contains("reported once"));
    assertThat(logs).noneSatisfy(e -> assertThat(e.text()).contains("VALUE-"));
  }

  @Test
  void newNestedField_isNamedByItsPath_onceForEveryTranscriptEntry() {
    AgniWebhookParser parser = AgniWebhookParser.create();
    String body =
        "{\"event\":\"call.completed\",\"data\":{\"call_session_id\":\"s-1\",\"transcripts\":["
            + "{\"id\":\"t-1\",\"tone\":\"calm\"},{\"id\":\"t-2\",\"tone\":\"angry\"}],"
            + "\"post_call_analysis\":{\"sentiment\":\"neutral\",\"lead_score\":7}}}";
    LogCapture.start();
    CallCompletedEvent event = (CallCompletedEvent) parser.parse(body);
    parser.parse(body);
    List<LogCapture.Entry> logs = drift(LogCapture.stop());

    assertThat(event.data().transcripts().get(1).extraFields()).containsEntry("tone", "angry");
    assertThat(logs.stream().filter(e -> e.level() == Level.INFO))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.text())
                    .contains("data.transcripts[].tone")
                    .contains("data.post_call_analysis.lead_score")
                    .doesNotContain("angry"));
    assertThat(logs.stream().filter(e -> e.level() == Level.DEBUG)).hasSize(2);
  }

  private static List<LogCapture.Entry> drift(List<LogCapture.Entry> logs) {
    return logs.stream()
        .filter(e -> e.logger().equals(LOGGER))
        .filter(e -> e.text().contains("extraFields()"))
        .toList();
  }
}
