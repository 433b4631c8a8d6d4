package io.voicehooks.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class UnknownEventTest {
  private record Unknown(String provider, String eventType, String rawJson)
      implements UnknownEvent {}

  @Test
  void idempotencyKey_isProviderTypeAndSha256OfTheBody() {
    UnknownEvent event = new Unknown("acme", "x", "{\"event\":\"x\"}");

    assertThat(event.idempotencyKey())
        .isEqualTo("acme:x:ebc2c4ea03938ee05e18c1a712d9fa02de923d6f2db34b68fe1f8dcf651e479d");
  }

  @Test
  void idempotencyKey_differsBetweenProvidersForTheSameBody() {
    String body = "{\"event\":\"x\",\"id\":\"1\"}";

    assertThat(new Unknown("agni", "x", body).idempotencyKey())
        .isNotEqualTo(new Unknown("vaani", "x", body).idempotencyKey());
  }
}
