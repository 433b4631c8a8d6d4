package io.voicehooks.cllr;

import static org.assertj.core.api.Assertions.assertThat;

import io.voicehooks.core.SharedSecretVerifier;
import io.voicehooks.core.WebhookHandler;
import io.voicehooks.core.WebhookHeaders;
import io.voicehooks.core.WebhookRequest;
import io.voicehooks.core.WebhookResponse;
import io.voicehooks.core.WebhookResponse.Outcome;
import io.voicehooks.fixtures.Fixtures;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The parser behind a real {@link WebhookHandler}, as a receiver runs it. */
final class CllrWebhookHandlerTest {
  private static final String SECRET = "cllr-shared-9f2c41d7";

  private final List<PostCallEvent> received = new CopyOnWriteArrayList<>();
  private final CllrEventListener listener =
      new CllrEventListener() {
        @Override
        public void onPostCall(PostCallEvent event) {
          received.add(event);
        }
      };

  private static WebhookRequest delivery(String fixture, String... headers) {
    return WebhookRequest.of(WebhookHeaders.of(headers), Fixtures.bytes("cllr", fixture));
  }

  @Test
  void handler_postCall_dispatchesToOnPostCallAndAnswers200() {
    WebhookHandler handler = CllrWebhookParser.create().handler(listener);

    WebhookResponse response =
        handler.handle(delivery("post_call.json", "Content-Type", "application/json"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.outcome()).isEqualTo(Outcome.PROCESSED);
    assertThat(received)
        .extracting(PostCallEvent::callId)
        .containsExactly("693bff62619c51fac21acf50");
  }

  @Test
  void handler_sameCallIdTwice_dispatchesOnce() {
    WebhookHandler handler = CllrWebhookParser.create().handler(listener);

    WebhookResponse first = handler.handle(delivery("post_call.full.json"));
    WebhookResponse second = handler.handle(delivery("post_call.full.json"));

    assertThat(first.outcome()).isEqualTo(Outcome.PROCESSED);
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.outcome()).isEqualTo(Outcome.DUPLICATE);
    assertThat(received).hasSize(1);
  }

  @Test
  void handler_fromStream_readsTheBody() {
    WebhookHandler handler = CllrWebhookParser.create().handler(listener);

    WebhookResponse response =
        handler.handle(
            WebhookHeaders.of("Content-Type", "application/json"),
            new ByteArrayInputStream(Fixtures.bytes("cllr", "post_call.minimal.json")));

    assertThat(response.status()).isEqualTo(200);
    assertThat(received).extracting(PostCallEvent::callId).containsExactly("test-call-123");
  }

  @Test
  void handler_missingCallId_answers400NamingTheField() {
    WebhookHandler handler = CllrWebhookParser.create().handler(listener);

    WebhookResponse response =
        handler.handle(
            WebhookRequest.of(
                "{\"recordingUri\": \"https://example.com/r.ogg\"}"
                    .getBytes(StandardCharsets.UTF_8)));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains("callId").doesNotContain("example.com");
    assertThat(received).isEmpty();
  }

  @Test
  void handler_bearerSecret_acceptsOnlyTheRightToken() {
    WebhookHandler handler =
        WebhookHandler.builder(CllrWebhookParser.create())
            .verifier(SharedSecretVerifier.bearer(SECRET))
            .listener(listener)
            .build();

    WebhookResponse missing = handler.handle(delivery("post_call.json"));
    WebhookResponse wrong =
        handler.handle(delivery("post_call.json", "Authorization", "Bearer not-the-secret"));
    WebhookResponse right =
        handler.handle(delivery("post_call.json", "Authorization", "Bearer " + SECRET));

    assertThat(missing.status()).isEqualTo(401);
    assertThat(missing.body()).contains("Authorization");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.body()).doesNotContain("not-the-secret").doesNotContain(SECRET);
    assertThat(right.status()).isEqualTo(200);
    assertThat(received)
        .extracting(PostCallEvent::callId)
        .containsExactly("693bff62619c51fac21acf50");
  }

  @Test
  void handler_customHeaderSecret_acceptsOnlyTheRightValue() {
    WebhookHandler handler =
        WebhookHandler.builder(CllrWebhookParser.create())
            .verifier(SharedSecretVerifier.header("X-Cllr-Secret", SECRET, "rotated-secret-2"))
            .listener(listener)
            .build();

    WebhookResponse bearer =
        handler.handle(delivery("post_call.json", "Authorization", "Bearer " + SECRET));
    WebhookResponse wrong =
        handler.handle(delivery("post_call.json", "X-Cllr-Secret", SECRET + "x"));
    WebhookResponse right = handler.handle(delivery("post_call.json", "x-cllr-secret", SECRET));
    WebhookResponse rotated =
        handler.handle(delivery("post_call.full.json", "X-Cllr-Secret", "rotated-secret-2"));

    assertThat(bearer.status()).isEqualTo(401);
    assertThat(bearer.body()).contains("X-Cllr-Secret");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.body()).doesNotContain(SECRET);
    assertThat(right.status()).isEqualTo(200);
    assertThat(rotated.status()).isEqualTo(200);
    assertThat(received)
        .extracting(PostCallEvent::callId)
        .containsExactly("693bff62619c51fac21acf50", "6790a1c4e2b7f81d3c5a9e12");
  }

  @Test
  void handler_wrongSecretAndBadBody_answers401BeforeParsing() {
    WebhookHandler handler =
        WebhookHandler.builder(CllrWebhookParser.create())
            .verifier(SharedSecretVerifier.bearer(SECRET))
            .listener(listener)
            .build();

    WebhookResponse response =
        handler.handle(
            WebhookRequest.of(
                WebhookHeaders.of("Authorization", "Bearer wrong"),
                "not json".getBytes(StandardCharsets.UTF_8)));

    assertThat(response.status()).isEqualTo(401);
  }
}
