package io.voicehooks.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.voicehooks.core.TestEvents.Ping;
import org.junit.jupiter.api.Test;

/** How the handler's log lines name an event: never by text the sender chose. */
final class DispatchTest {
  @Test
  void describe_namesAModelledTypeAndHidesAnUnknownOne() {
    assertThat(Dispatch.describe(new Ping("k1"))).isEqualTo("ping");
    UnknownEvent unknown =
        new UnknownEvent() {
          @Override
          public String eventType() {
            return "sender text";
          }

          @Override
          public String rawJson() {
            return "{}";
          }

          @Override
          public String provider() {
            return "test";
          }
        };
    assertThat(Dispatch.describe(unknown)).isEqualTo("unknown");
  }
}
