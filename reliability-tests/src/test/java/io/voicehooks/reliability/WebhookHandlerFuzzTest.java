package io.voicehooks.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.voicehooks.agni.AgniWebhookParser;
import io.voicehooks.agntix.AgntixWebhookParser;
import io.voicehooks.cllr.CllrWebhookParser;
import io.voicehooks.core.JsonLimits;
import io.voicehooks.core.WebhookHandler;
import io.voicehooks.core.WebhookHeaders;
import io.voicehooks.core.WebhookRequest;
import io.voicehooks.core.WebhookResponse;
import io.voicehooks.core.WebhookResponse.Outcome;
import io.voicehooks.fixtures.Fixtures;
import io.voicehooks.vaani.VaaniWebhookParser;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzzes {@link WebhookHandler#handle} end to end: each input is delivered as the body to a handler
 * per provider (Agntix deliveries are signed by the harness, so the body reaches the parser), to an
 * asynchronous handler, and to one with a tiny size limit.
 *
 * <p>Properties: {@code handle} never throws; every answer has a documented status (200, 409, 400,
 * 401, 413, 500, 503); with no-op listeners it is never 500 or 503; and a body answered 200 is a
 * duplicate when delivered again. Seeds: every provider fixture but the long Agni call, copied from
 * test-fixtures by the build to {@code WebhookHandlerFuzzTestInputs/handle/<provider>/}.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
final class WebhookHandlerFuzzTest {
  private static final String MSG_ID = "msg_fuzz";

  private static final WebhookHandler AGNI =
      WebhookHandler.builder(
              AgniWebhookParser.builder().expectedOrgId(Fixtures.AGNI_ORG_ID).build())
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
      WebhookHandler.builder(
              CllrWebhookParser.builder()
                  .limits(JsonLimits.defaults().withMaxBodyBytes(256))
                  .build())
          .listener(event -> {})
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

  /**
   * The seeds their own provider's handler must refuse, by {@code <provider>/<file>}, with the
   * status; every other seed is a valid delivery and must be processed (200) on first delivery and
   * be a duplicate on the second. Without this a handler that answered 400 to everything would pass
   * the fuzz target.
   */
  private static final Map<String, Integer> REFUSED_SEEDS =
      Map.of(
          "agni/call.completed.data-not-object.json", 400,
          "agni/call.completed.no-data.json", 400,
          "agni/call.completed.no-org.json", 401,
          "agni/call.completed.no-session-id.json", 400,
          "agni/call.completed.wrong-org.json", 401,
          "agntix/session.ended.missing-id.json", 400);

  static Stream<String> seeds() {
    return Seeds.names(WebhookHandlerFuzzTest.class, "handle").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("seeds")
  void seed_validIsProcessedByItsProvidersHandler(String seed) {
    byte[] body = Seeds.read(WebhookHandlerFuzzTest.class, "handle", seed);
    String provider = seed.substring(0, seed.indexOf('/'));
    WebhookHeaders headers =
        provider.equals("agntix")
            ? Payloads.svixHeaders(MSG_ID, Payloads.SIGNED_AT.getEpochSecond(), body)
            : WebhookHeaders.empty();
    WebhookHandler handler = fresh(provider);

    WebhookResponse first = handler.handle(WebhookRequest.of(headers, body));
    WebhookResponse second = handler.handle(WebhookRequest.of(headers, body));

    Integer refused = REFUSED_SEEDS.get(seed);
    if (refused != null) {
      assertThat(first.status()).as(first.toString()).isEqualTo(refused);
      assertThat(second.status()).isEqualTo(refused);
    } else {
      assertThat(first.status()).as(first.toString()).isEqualTo(200);
      assertThat(first.outcome()).isEqualTo(Outcome.PROCESSED);
      assertThat(second.outcome()).isEqualTo(Outcome.DUPLICATE);
    }
  }

  /** A handler like the fuzz target's, with a store of its own: seeds never meet each other. */
  private static WebhookHandler fresh(String provider) {
    return switch (provider) {
      case "agni" ->
          WebhookHandler.builder(
                  AgniWebhookParser.builder().expectedOrgId(Fixtures.AGNI_ORG_ID).build())
              .listener(event -> {})
              .build();
      case "vaani" ->
          WebhookHandler.builder(VaaniWebhookParser.create()).listener(event -> {}).build();
      case "agntix" ->
          WebhookHandler.builder(
                  AgntixWebhookParser.builder()
                      .secret(Payloads.AGNTIX_SECRET)
                      .clock(Payloads.FIXED_CLOCK)
                      .build())
              .listener(event -> {})
              .build();
      case "cllr" ->
          WebhookHandler.builder(CllrWebhookParser.create()).listener(event -> {}).build();
      default -> throw new IllegalArgumentException("seed of no provider: " + provider);
    };
  }
}
