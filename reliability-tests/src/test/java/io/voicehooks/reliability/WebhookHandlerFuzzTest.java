package io.voicehooks.reliability;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.voicehooks.agni.AgniWebhookParser;
import io.voicehooks.agntix.AgntixWebhookParser;
import io.voicehooks.cllr.CllrWebhookParser;
import io.voicehooks.core.WebhookHandler;
import io.voicehooks.core.WebhookHeaders;
import io.voicehooks.core.WebhookRequest;
import io.voicehooks.core.WebhookResponse;
import io.voicehooks.core.WebhookResponse.Outcome;
import io.voicehooks.vaani.VaaniWebhookParser;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes {@link WebhookHandler#handle} end to end: each input is delivered as the body to a handler
 * per provider (Agntix deliveries are signed by the harness, so the body reaches the parser), to an
 * asynchronous handler, and to one with a tiny size limit.
 *
 * <p>Properties: {@code handle} never throws; every answer has a documented status (200, 409, 400,
 * 401, 413, 500, 503); with no-op listeners it is never 500 or 503; and a body answered 200 is a
 * duplicate when delivered again. Seeds: every provider fixture, in {@code
 * WebhookHandlerFuzzTestInputs/handle/}.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
final class WebhookHandlerFuzzTest {
  private static final String MSG_ID = "msg_fuzz";

  private static final WebhookHandler AGNI =
      WebhookHandler.builder(AgniWebhookParser.builder().expectedOrgId(Payloads.AGNI_ORG).build())
          .listener(event -> {})
          .build();
  private static final WebhookHandler VAANI =
      WebhookHandler.builder(VaaniWebhookParser.create()).listener(event -> {}).build();
  private static final WebhookHandler VAANI_ASYNC =
      WebhookHandler.builder(VaaniWebhookParser.create())
          .listener(event -> {})
          .executor(Runnable::run)
          .maxPending(1)
          .build();
  private static final WebhookHandler AGNTIX =
      WebhookHandler.builder(
              AgntixWebhookParser.builder()
                  .secret(Payloads.AGNTIX_SECRET)
                  .clock(Payloads.FIXED_CLOCK)
                  .build())
          .listener(event -> {})
          .build();
  private static final WebhookHandler CLLR =
      WebhookHandler.builder(CllrWebhookParser.create()).listener(event -> {}).build();
  private static final WebhookHandler CLLR_TINY =
      WebhookHandler.builder(CllrWebhookParser.create())
          .listener(event -> {})
          .maxBodyBytes(256)
          .build();

  @FuzzTest
  void handle(byte[] body) {
    WebhookHeaders plain = WebhookHeaders.of("Content-Length", Integer.toString(body.length));
    WebhookHeaders signed = Payloads.svixHeaders(MSG_ID, Payloads.SIGNED_AT.getEpochSecond(), body);
    for (WebhookHandler handler : List.of(AGNI, VAANI, VAANI_ASYNC, CLLR, CLLR_TINY)) {
      deliverTwice(handler, plain, body);
    }
    deliverTwice(AGNTIX, signed, body);
  }

  private static void deliverTwice(WebhookHandler handler, WebhookHeaders headers, byte[] body) {
    WebhookResponse first = handler.handle(headers, new ByteArrayInputStream(body));
    checkNoOpAnswer(first);
    WebhookResponse second = handler.handle(WebhookRequest.of(headers, body));
    checkNoOpAnswer(second);
    if (first.status() == 200) {
      Invariants.check(
          second.outcome() == Outcome.DUPLICATE, "a repeated delivery was not a duplicate");
    } else {
      Invariants.check(second.status() == first.status(), "a repeated delivery changed status");
    }
  }

  private static void checkNoOpAnswer(WebhookResponse response) {
    Invariants.checkResponse(response);
    Invariants.check(
        response.status() != 500 && response.status() != 503,
        "a no-op listener got " + response.status());
  }
}
