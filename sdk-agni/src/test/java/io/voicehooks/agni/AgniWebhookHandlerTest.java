package io.voicehooks.agni;

import static org.assertj.core.api.Assertions.assertThat;

import io.voicehooks.core.WebhookHandler;
import io.voicehooks.core.WebhookHeaders;
import io.voicehooks.core.WebhookRequest;
import io.voicehooks.core.WebhookResponse;
import io.voicehooks.fixtures.Fixtures;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class AgniWebhookHandlerTest {
  private final List<AgniEvent> received = new ArrayList<>();

  private final AgniEventListener listener =
      new AgniEventListener() {
        @Override
        public void onCallCompleted(CallCompletedEvent event) {
          received.add(event);
        }

        @Override
        public void onUnknown(UnknownAgniEvent event) {
          received.add(event);
        }
      };

  private final WebhookHandler handler =
      AgniWebhookParser.builder().expectedOrgId(Fixtures.AGNI_ORG_ID).build().handler(listener);

  private static WebhookRequest request(String fixture) {
    return WebhookRequest.of(
        WebhookHeaders.of("Content-Type", "application/json"), Fixtures.bytes("agni", fixture));
  }

  @Test
  void handle_expectedOrg_answers200AndDispatches() {
    WebhookResponse response = handler.handle(request("call.completed.json"));
    assertThat(response.status()).isEqualTo(200);
    assertThat(received).singleElement().isInstanceOf(CallCompletedEvent.class);
    assertThat(((CallCompletedEvent) received.get(0)).sessionId())
        .isEqualTo("019d2b3c-8e9f-7a0b-1c2d-4e5f6a7b8c9d");
  }

  @Test
  void handle_wrongOrg_answers401WithoutDispatching() {
    WebhookResponse response = handler.handle(request("call.completed.wrong-org.json"));
    assertThat(response.status()).isEqualTo(401);
    assertThat(response.body()).contains("org_id").doesNotContain("9f2c7e5a");
    assertThat(received).isEmpty();
  }

  @Test
  void handle_missingOrg_answers401() {
    assertThat(handler.handle(request("call.completed.no-org.json")).status()).isEqualTo(401);
    assertThat(received).isEmpty();
  }

  @Test
  void handle_retriedDelivery_dispatchesOnce() {
    assertThat(handler.handle(request("call.completed.json")).status()).isEqualTo(200);
    assertThat(handler.handle(request("call.completed.event-last.json")).status()).isEqualTo(200);
    assertThat(handler.handle(request("call.completed.json")).status()).isEqualTo(200);
    assertThat(received)
        .extracting(AgniEvent::idempotencyKey)
        .containsExactly(
            "agni:call.completed:019d2b3c-8e9f-7a0b-1c2d-4e5f6a7b8c9d",
            "agni:call.completed:019d2b3c-5555-7a0b-1c2d-4e5f6a7b8c9d");
  }

  @Test
  void handle_missingCallSessionId_answers400NamingTheField() {
    WebhookResponse response = handler.handle(request("call.completed.no-session-id.json"));
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains("data.call_session_id");
  }

  @Test
  void handle_unknownEvent_answers200AndCallsOnUnknown() {
    WebhookResponse response =
        handler.handle(
            WebhookHeaders.empty(),
            new ByteArrayInputStream(Fixtures.bytes("agni", "unknown-event.json")));
    assertThat(response.status()).isEqualTo(200);
    assertThat(received).singleElement().isInstanceOf(UnknownAgniEvent.class);
  }

  @Test
  void listener_defaultMethods_ignoreEvents() {
    AgniEventListener ignoring = new AgniEventListener() {};
    WebhookHandler quiet =
        AgniWebhookParser.builder().expectedOrgId(Fixtures.AGNI_ORG_ID).build().handler(ignoring);
    assertThat(quiet.handle(request("call.completed.json")).status()).isEqualTo(200);
    assertThat(quiet.handle(request("unknown-event.json")).status()).isEqualTo(200);
  }
}
