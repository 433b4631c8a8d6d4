package io.voicehooks.benchmarks;

import io.voicehooks.agni.AgniEvent;
import io.voicehooks.agni.AgniWebhookParser;
import io.voicehooks.core.WebhookRequest;
import io.voicehooks.fixtures.Fixtures;

/**
 * Cold start, VoiceHooks side: a fresh JVM that builds an Agni parser (with an expected {@code
 * org_id}, as in production), parses the documented {@code call.completed} once, and prints {@code
 * ready}. {@link ColdStart} times it against {@link FirstJacksonTree}.
 */
public final class FirstAgniEvent {
  private FirstAgniEvent() {}

  /**
   * Parses one event and reports.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    byte[] body = Payloads.agniCallCompleted();
    AgniWebhookParser parser =
        AgniWebhookParser.builder().expectedOrgId(Fixtures.AGNI_ORG_ID).build();
    AgniEvent event = parser.parse(WebhookRequest.of(body));
    Ready.report(event.idempotencyKey());
  }
}
