package io.voicehooks.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.voicehooks.agni.AgniEvent;
import io.voicehooks.agni.AgniWebhookParser;
import io.voicehooks.agntix.AgntixWebhookParser;
import io.voicehooks.cllr.CllrWebhookParser;
import io.voicehooks.core.IdempotencyStore;
import io.voicehooks.core.JsonLimits;
import io.voicehooks.core.SharedSecretVerifier;
import io.voicehooks.core.SvixSignatureVerifier;
import io.voicehooks.core.WebhookHandler;
import io.voicehooks.core.WebhookHeaders;
import io.voicehooks.core.WebhookResponse;
import io.voicehooks.fixtures.Fixtures;
import io.voicehooks.vaani.VaaniWebhookParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile-delivery catalogue for {@link WebhookHandler}: bodies and headers as a server hands
 * them over ({@code handle(headers, stream)}), with the exact status and body fragment answered.
 * Signatures (Agntix/Svix), shared secrets (Vaani, cllr), the organisation check (Agni), the size
 * limit, and the listener, store and queue failures are all exercised here.
 */
final class HandlerHostileInputTest {
  private static final long SIGNED_AT = Payloads.SIGNED_AT.getEpochSecond();
  private static final String LIMIT = "Body exceeds the limit of 4194304 bytes";
  private static final String NO_MATCH = "No matching signature in svix-signature";

  private static final byte[] AGNI = Fixtures.bytes("agni", "call.completed.json");
  private static final byte[] AGNTIX = Fixtures.bytes("agntix", "session.ended.json");
  private static final byte[] VAANI = Fixtures.bytes("vaani", "call_ended.json");
  private static final byte[] CLLR = Fixtures.bytes("cllr", "post_call.json");

  /** One delivery scenario and its exact answer. */
  record HandlerCase(String name, Scenario scenario, int status, String bodyFragment) {
    @Override
    public String toString() {
      return name + " -> " + status;
    }
  }

  /** Builds what it needs and returns the answer to check. */
  interface Scenario {
    WebhookResponse run() throws Exception;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void handle_hostileDelivery_answersExactly(HandlerCase hostile) {
    WebhookResponse response =
        assertTimeoutPreemptively(
            HostileCase.BOUND, () -> hostile.scenario().run(), hostile.name());

    Invariants.checkResponse(response);
    assertThat(response.status()).as(response.toString()).isEqualTo(hostile.status());
    assertThat(response.body()).contains(hostile.bodyFragment());
  }

  static Stream<HandlerCase> cases() {
    List<HandlerCase> cases = new ArrayList<>();
    size(cases);
    agni(cases);
    agntix(cases);
    sharedSecrets(cases);
    failures(cases);
    return cases.stream();
  }

  private static void size(List<HandlerCase> cases) {
    cases.add(
        new HandlerCase(
            "50 MB body without Content-Length",
            () ->
                deliver(
                    agni(e -> {}),
                    WebhookHeaders.empty(),
                    Payloads.repeat(
                        "{\"event\":\"call.completed\",\"x\":\"", 'x', 50 << 20, "\"}")),
            413,
            LIMIT));
    cases.add(
        new HandlerCase(
            "50 MB body with its Content-Length is refused unread",
            () -> {
              CountingStream body = new CountingStream(new byte[50 << 20]);
              WebhookResponse answer =
                  agni(e -> {}).handle(WebhookHeaders.of("Content-Length", "52428800"), body);
              assertThat(body.read.get()).isZero();
              return answer;
            },
            413,
            LIMIT));
    cases.add(
        new HandlerCase(
            "Content-Length over the limit, body tiny",
            () -> deliver(agni(e -> {}), WebhookHeaders.of("content-length", "4194305"), AGNI),
            413,
            LIMIT));
    cases.add(
        new HandlerCase(
            "body of exactly 4 MiB (padded with spaces)",
            () -> deliver(agni(e -> {}), WebhookHeaders.empty(), padded(AGNI, 4 << 20)),
            200,
            "\"ok\""));
    cases.add(
        new HandlerCase(
            "body of 4 MiB + 1",
            () -> deliver(agni(e -> {}), WebhookHeaders.empty(), padded(AGNI, (4 << 20) + 1)),
            413,
            LIMIT));
    cases.add(
        new HandlerCase(
            "custom limit of 1 KiB",
            () ->
                deliver(
                    WebhookHandler.builder(
                            VaaniWebhookParser.builder()
                                .limits(JsonLimits.defaults().withMaxBodyBytes(1024))
                                .build())
                        .listener(e -> {})
                        .build(),
                    WebhookHeaders.empty(),
                    padded(VAANI, 1025)),
            413,
            "Body exceeds the limit of 1024 bytes"));
    cases.add(
        new HandlerCase(
            "Content-Length not a number is ignored",
            () -> deliver(agni(e -> {}), WebhookHeaders.of("Content-Length", "abc"), AGNI),
            200,
            "\"ok\""));
    cases.add(
        new HandlerCase(
            "Content-Length smaller than the body: the stream is read to its end",
            () -> deliver(agni(e -> {}), WebhookHeaders.of("Content-Length", "5"), AGNI),
            200,
            "\"ok\""));
    cases.add(
        new HandlerCase(
            "body stream fails",
            () ->
                agni(e -> {})
                    .handle(
                        WebhookHeaders.empty(),
                        new InputStream() {
                          @Override
                          public int read() throws IOException {
                            throw new IOException("connection reset");
                          }
                        }),
            400,
            "The body could not be read"));
  }

  private static void agni(List<HandlerCase> cases) {
    cases.add(new HandlerCase("Agni delivery", () -> deliver(agni(e -> {}), AGNI), 200, "ok"));
    cases.add(
        new HandlerCase(
            "Agni delivery repeated",
            () -> {
              WebhookHandler handler = agni(e -> {});
              deliver(handler, AGNI);
              return deliver(handler, AGNI);
            },
            200,
            "duplicate"));
    cases.add(
        new HandlerCase(
            "Agni wrong organisation",
            () -> deliver(agni(e -> {}), Fixtures.bytes("agni", "call.completed.wrong-org.json")),
            401,
            "is not an expected organisation"));
    cases.add(
        new HandlerCase(
            "Agni without org_id",
            () -> deliver(agni(e -> {}), Fixtures.bytes("agni", "call.completed.no-org.json")),
            401,
            "Missing field 'org_id' in 'call.completed' event"));
    cases.add(
        new HandlerCase(
            "Agni without a session id",
            () ->
                deliver(agni(e -> {}), Fixtures.bytes("agni", "call.completed.no-session-id.json")),
            400,
            "Missing required field 'data.call_session_id'"));
    cases.add(
        new HandlerCase(
            "Agni truncated",
            () -> deliver(agni(e -> {}), Arrays.copyOf(AGNI, AGNI.length / 2)),
            400,
            "Malformed JSON"));
    cases.add(
        new HandlerCase(
            "Agni array body",
            () -> deliver(agni(e -> {}), Payloads.utf8("[]")),
            400,
            "Body is not a JSON object"));
    cases.add(
        new HandlerCase(
            "Agni unknown event type is acknowledged",
            () -> deliver(agni(e -> {}), Fixtures.bytes("agni", "unknown-event.json")),
            200,
            "ok"));
  }

  private static void agntix(List<HandlerCase> cases) {
    cases.add(
        new HandlerCase(
            "Agntix signed delivery",
            () -> deliver(agntix(), Payloads.svixHeaders("msg_1", SIGNED_AT, AGNTIX), AGNTIX),
            200,
            "ok"));
    cases.add(
        new HandlerCase(
            "Agntix without any header",
            () -> deliver(agntix(), WebhookHeaders.empty(), AGNTIX),
            401,
            "Missing header: svix-id (or webhook-id)"));
    cases.add(
        new HandlerCase(
            "Agntix without svix-timestamp",
            () -> deliver(agntix(), svix("msg_1", null, signature("msg_1", AGNTIX)), AGNTIX),
            401,
            "Missing header: svix-timestamp (or webhook-timestamp)"));
    cases.add(
        new HandlerCase(
            "Agntix without svix-signature",
            () -> deliver(agntix(), svix("msg_1", Long.toString(SIGNED_AT), null), AGNTIX),
            401,
            "Missing header: svix-signature (or webhook-signature)"));
    cases.add(
        new HandlerCase(
            "Agntix empty svix-signature",
            () -> deliver(agntix(), svix("msg_1", Long.toString(SIGNED_AT), ""), AGNTIX),
            401,
            "Missing header: svix-signature"));
    cases.add(
        new HandlerCase(
            "Agntix header names in odd case",
            () ->
                deliver(
                    agntix(),
                    WebhookHeaders.of(
                        "SVIX-ID",
                        "msg_1",
                        "Svix-Timestamp",
                        Long.toString(SIGNED_AT),
                        "sViX-sIgNaTuRe",
                        signature("msg_1", AGNTIX)),
                    AGNTIX),
            200,
            "ok"));
    cases.add(
        new HandlerCase(
            "Agntix webhook-* header names",
            () ->
                deliver(
                    agntix(),
                    WebhookHeaders.of(
                        "webhook-id",
                        "msg_1",
                        "webhook-timestamp",
                        Long.toString(SIGNED_AT),
                        "webhook-signature",
                        signature("msg_1", AGNTIX)),
                    AGNTIX),
            200,
            "ok"));
    cases.add(
        new HandlerCase(
            "Agntix several signatures, none valid",
            () ->
                deliver(
                    agntix(),
                    svix(
                        "msg_1",
                        Long.toString(SIGNED_AT),
                        "v1,Ym9ndXM= v1,"
                            + signature("msg_2", AGNTIX).substring(3)
                            + " v1a,c2ln v2,ZnV0dXJl"),
                    AGNTIX),
            401,
            NO_MATCH));
    cases.add(
        new HandlerCase(
            "Agntix several signatures, one valid",
            () ->
                deliver(
                    agntix(),
                    svix(
                        "msg_1",
                        Long.toString(SIGNED_AT),
                        "v1,Ym9ndXM= v2,ZnV0dXJl " + signature("msg_1", AGNTIX)),
                    AGNTIX),
            200,
            "ok"));
    cases.add(
        new HandlerCase(
            "Agntix signature of another body",
            () ->
                deliver(
                    agntix(),
                    Payloads.svixHeaders("msg_1", SIGNED_AT, AGNTIX),
                    Fixtures.bytes("agntix", "session.ended.minimal.json")),
            401,
            NO_MATCH));
    cases.add(
        new HandlerCase(
            "Agntix body with one trailing space after signing",
            () ->
                deliver(
                    agntix(),
                    Payloads.svixHeaders("msg_1", SIGNED_AT, AGNTIX),
                    padded(AGNTIX, AGNTIX.length + 1)),
            401,
            NO_MATCH));
    cases.add(
        new HandlerCase(
            "Agntix signed with another secret",
            () ->
                deliver(
                    agntix(),
                    svix(
                        "msg_1",
                        Long.toString(SIGNED_AT),
                        SvixSignatureVerifier.sign(
                            SvixSignatureVerifierFuzzTest.ROTATED_SECRET,
                            "msg_1",
                            SIGNED_AT,
                            AGNTIX)),
                    AGNTIX),
            401,
            NO_MATCH));
    cases.add(
        new HandlerCase(
            "Agntix oversized svix-signature (9,000 characters)",
            () ->
                deliver(
                    agntix(),
                    svix("msg_1", Long.toString(SIGNED_AT), "v1," + "A".repeat(8997)),
                    AGNTIX),
            401,
            "svix-signature is longer than 8192"));
    cases.add(
        new HandlerCase(
            "Agntix 33 signatures",
            () ->
                deliver(
                    agntix(),
                    svix("msg_1", Long.toString(SIGNED_AT), "v1,AAAA ".repeat(33).trim()),
                    AGNTIX),
            401,
            "holds more than 32 entries"));
    cases.add(
        new HandlerCase(
            "Agntix signature without a version",
            () ->
                deliver(
                    agntix(),
                    svix(
                        "msg_1", Long.toString(SIGNED_AT), signature("msg_1", AGNTIX).substring(3)),
                    AGNTIX),
            401,
            "holds no versioned signature"));
    cases.add(
        new HandlerCase(
            "Agntix oversized svix-id (257 characters)",
            () -> {
              String id = "m".repeat(257);
              return deliver(agntix(), Payloads.svixHeaders(id, SIGNED_AT, AGNTIX), AGNTIX);
            },
            401,
            "svix-id is longer than 256"));
    cases.add(
        new HandlerCase(
            "Agntix timestamp 301 s old",
            () -> deliver(agntix(), Payloads.svixHeaders("msg_1", SIGNED_AT - 301, AGNTIX), AGNTIX),
            401,
            "Timestamp too old"));
    cases.add(
        new HandlerCase(
            "Agntix timestamp 301 s ahead",
            () -> deliver(agntix(), Payloads.svixHeaders("msg_1", SIGNED_AT + 301, AGNTIX), AGNTIX),
            401,
            "Timestamp too new"));
    cases.add(
        new HandlerCase(
            "Agntix timestamp 300 s old is within tolerance",
            () -> deliver(agntix(), Payloads.svixHeaders("msg_1", SIGNED_AT - 300, AGNTIX), AGNTIX),
            200,
            "ok"));
    for (String timestamp : List.of("1775624412.0", "-1", " 1775624412", "1e9", "0x69D5E1DC")) {
      cases.add(
          new HandlerCase(
              "Agntix timestamp '" + timestamp + "'",
              () -> deliver(agntix(), svix("msg_1", timestamp, signature("msg_1", AGNTIX)), AGNTIX),
              401,
              "svix-timestamp is not Unix seconds"));
    }
    cases.add(
        new HandlerCase(
            "Agntix duplicated svix-signature headers, valid first",
            () ->
                deliver(
                    agntix(),
                    WebhookHeaders.of(
                        "svix-id",
                        "msg_1",
                        "svix-timestamp",
                        Long.toString(SIGNED_AT),
                        "svix-signature",
                        signature("msg_1", AGNTIX),
                        "svix-signature",
                        "v1,AAAA"),
                    AGNTIX),
            200,
            "ok"));
    cases.add(
        new HandlerCase(
            "Agntix duplicated svix-signature headers, valid second (only the first is read:"
                + " questionable)",
            () ->
                deliver(
                    agntix(),
                    WebhookHeaders.of(
                        "svix-id",
                        "msg_1",
                        "svix-timestamp",
                        Long.toString(SIGNED_AT),
                        "svix-signature",
                        "v1,AAAA",
                        "svix-signature",
                        signature("msg_1", AGNTIX)),
                    AGNTIX),
            401,
            NO_MATCH));
    cases.add(
        new HandlerCase(
            "Agntix duplicated svix-id headers: the first is signed over",
            () ->
                deliver(
                    agntix(),
                    WebhookHeaders.of(
                        "svix-id",
                        "msg_other",
                        "svix-id",
                        "msg_1",
                        "svix-timestamp",
                        Long.toString(SIGNED_AT),
                        "svix-signature",
                        signature("msg_1", AGNTIX)),
                    AGNTIX),
            401,
            NO_MATCH));
    cases.add(
        new HandlerCase(
            "Agntix correctly signed malformed body",
            () -> {
              byte[] body = Payloads.utf8("{\"eventType\":\"session.ended\",\"id\":");
              return deliver(agntix(), Payloads.svixHeaders("msg_1", SIGNED_AT, body), body);
            },
            400,
            "Malformed JSON"));
    cases.add(
        new HandlerCase(
            "Agntix correctly signed body without id",
            () -> {
              byte[] body = Fixtures.bytes("agntix", "session.ended.missing-id.json");
              return deliver(agntix(), Payloads.svixHeaders("msg_1", SIGNED_AT, body), body);
            },
            400,
            "Missing required field 'id' in 'session.ended' event"));
  }

  private static void sharedSecrets(List<HandlerCase> cases) {
    cases.add(
        new HandlerCase(
            "Vaani bearer token",
            () -> deliver(vaani(), WebhookHeaders.of("Authorization", "Bearer vaani-token"), VAANI),
            200,
            "ok"));
    cases.add(
        new HandlerCase(
            "Vaani without Authorization",
            () -> deliver(vaani(), WebhookHeaders.empty(), VAANI),
            401,
            "Missing credentials: no Authorization header"));
    cases.add(
        new HandlerCase(
            "Vaani wrong token",
            () -> deliver(vaani(), WebhookHeaders.of("Authorization", "Bearer guess"), VAANI),
            401,
            "Wrong credentials in the Authorization header"));
    cases.add(
        new HandlerCase(
            "Vaani scheme in lower case",
            () -> deliver(vaani(), WebhookHeaders.of("authorization", "bearer vaani-token"), VAANI),
            200,
            "ok"));
    cases.add(
        new HandlerCase(
            "Vaani two Authorization headers, wrong then right",
            () ->
                deliver(
                    vaani(),
                    WebhookHeaders.of(
                        "Authorization", "Bearer guess", "Authorization", "Bearer vaani-token"),
                    VAANI),
            200,
            "ok"));
    cases.add(
        new HandlerCase(
            "Vaani oversized Authorization (5,000 characters)",
            () ->
                deliver(
                    vaani(),
                    WebhookHeaders.of("Authorization", "Bearer " + "t".repeat(4993)),
                    VAANI),
            401,
            "Wrong credentials in the Authorization header"));
    cases.add(
        new HandlerCase(
            "Vaani right token, malformed body",
            () ->
                deliver(
                    vaani(),
                    WebhookHeaders.of("Authorization", "Bearer vaani-token"),
                    Payloads.utf8("{\"event\":")),
            400,
            "Malformed JSON"));
    cases.add(
        new HandlerCase(
            "cllr secret header in odd case",
            () -> deliver(cllr(), WebhookHeaders.of("x-WEBHOOK-secret", "cllr-secret"), CLLR),
            200,
            "ok"));
    cases.add(
        new HandlerCase(
            "cllr secret header absent",
            () -> deliver(cllr(), WebhookHeaders.empty(), CLLR),
            401,
            "Missing credentials: no X-Webhook-Secret header"));
    cases.add(
        new HandlerCase(
            "cllr secret with a trailing space",
            () -> deliver(cllr(), WebhookHeaders.of("X-Webhook-Secret", "cllr-secret "), CLLR),
            401,
            "Wrong credentials in the X-Webhook-Secret header"));
  }

  private static void failures(List<HandlerCase> cases) {
    cases.add(
        new HandlerCase(
            "listener throws: 500, and the retry is processed",
            () -> {
              AtomicInteger calls = new AtomicInteger();
              WebhookHandler handler =
                  agni(
                      e -> {
                        if (calls.incrementAndGet() == 1) {
                          throw new IllegalStateException("downstream unavailable");
                        }
                      });
              assertThat(deliver(handler, AGNI).status()).isEqualTo(500);
              WebhookResponse retry = deliver(handler, AGNI);
              assertThat(calls).hasValue(2);
              return retry;
            },
            200,
            "ok"));
    cases.add(
        new HandlerCase(
            "listener throws",
            () ->
                deliver(
                    agni(
                        e -> {
                          throw new IllegalStateException("downstream unavailable");
                        }),
                    AGNI),
            500,
            "Processing failed; retry later"));
    cases.add(
        new HandlerCase(
            "listener throws an AssertionError (an Error, not a VirtualMachineError)",
            () ->
                deliver(
                    agni(
                        e -> {
                          throw new AssertionError("listener bug");
                        }),
                    AGNI),
            500,
            "Processing failed; retry later"));
    cases.add(
        new HandlerCase(
            "duplicate while the first is being processed",
            () -> {
              CountDownLatch entered = new CountDownLatch(1);
              CountDownLatch release = new CountDownLatch(1);
              WebhookHandler handler =
                  agni(
                      e -> {
                        entered.countDown();
                        await(release);
                      });
              CompletableFuture<WebhookResponse> first =
                  CompletableFuture.supplyAsync(() -> deliver(handler, AGNI));
              assertThat(entered.await(4, TimeUnit.SECONDS)).isTrue();
              WebhookResponse second = deliver(handler, AGNI);
              release.countDown();
              assertThat(first.get(4, TimeUnit.SECONDS).status()).isEqualTo(200);
              return second;
            },
            409,
            "The same event is being processed; retry later"));
    cases.add(
        new HandlerCase(
            "asynchronous queue full",
            () -> {
              List<Runnable> parked = new ArrayList<>();
              WebhookHandler handler =
                  WebhookHandler.builder(VaaniWebhookParser.create())
                      .listener(e -> {})
                      .executor(parked::add)
                      .maxPending(1)
                      .build();
              assertThat(deliver(handler, VAANI).status()).isEqualTo(200);
              return deliver(handler, Fixtures.bytes("vaani", "call_started.json"));
            },
            503,
            "Too many deliveries pending; retry later"));
    cases.add(
        new HandlerCase(
            "asynchronous listener failure: acknowledged, reported, and the key released",
            () -> {
              AtomicInteger calls = new AtomicInteger();
              List<Throwable> reported = new ArrayList<>();
              WebhookHandler handler =
                  WebhookHandler.builder(VaaniWebhookParser.create())
                      .listener(
                          e -> {
                            if (calls.incrementAndGet() == 1) {
                              throw new IllegalStateException("downstream unavailable");
                            }
                          })
                      .executor(Runnable::run)
                      .onError((e, failure) -> reported.add(failure))
                      .build();
              assertThat(deliver(handler, VAANI).status()).isEqualTo(200);
              assertThat(reported).hasSize(1);
              WebhookResponse redelivery = deliver(handler, VAANI);
              assertThat(calls).hasValue(2);
              return redelivery;
            },
            200,
            "accepted"));
    cases.add(
        new HandlerCase(
            "handler closed",
            () -> {
              WebhookHandler handler = agni(e -> {});
              handler.shutdown(Duration.ZERO);
              return deliver(handler, AGNI);
            },
            503,
            "Receiver is shutting down; retry later"));
    cases.add(
        new HandlerCase(
            "idempotency store down",
            () ->
                deliver(
                    WebhookHandler.builder(
                            AgniWebhookParser.builder().expectedOrgId(Fixtures.AGNI_ORG_ID).build())
                        .listener(e -> {})
                        .idempotencyStore(new BrokenStore())
                        .build(),
                    AGNI),
            503,
            "Idempotency store unavailable; retry later"));
  }

  private static WebhookHandler agni(Consumer<AgniEvent> listener) {
    return WebhookHandler.builder(
            AgniWebhookParser.builder().expectedOrgId(Fixtures.AGNI_ORG_ID).build())
        .listener(listener)
        .build();
  }

  private static WebhookHandler agntix() {
    return WebhookHandler.builder(
            AgntixWebhookParser.builder()
                .secret(Payloads.AGNTIX_SECRET)
                .clock(Payloads.FIXED_CLOCK)
                .build())
        .listener(e -> {})
        .build();
  }

  private static WebhookHandler vaani() {
    return WebhookHandler.builder(VaaniWebhookParser.create())
        .listener(e -> {})
        .verifier(SharedSecretVerifier.bearer("vaani-token"))
        .build();
  }

  private static WebhookHandler cllr() {
    return WebhookHandler.builder(CllrWebhookParser.create())
        .listener(e -> {})
        .verifier(SharedSecretVerifier.header("X-Webhook-Secret", "cllr-secret"))
        .build();
  }

  private static WebhookResponse deliver(WebhookHandler handler, byte[] body) {
    return deliver(handler, WebhookHeaders.empty(), body);
  }

  private static WebhookResponse deliver(
      WebhookHandler handler, WebhookHeaders headers, byte[] body) {
    return handler.handle(headers, new ByteArrayInputStream(body));
  }

  private static String signature(String msgId, byte[] body) {
    return SvixSignatureVerifier.sign(Payloads.AGNTIX_SECRET, msgId, SIGNED_AT, body);
  }

  /** Svix headers with any of them left out (null). */
  private static WebhookHeaders svix(String id, String timestamp, String signature) {
    List<String> pairs = new ArrayList<>();
    if (id != null) {
      pairs.add("svix-id");
      pairs.add(id);
    }
    if (timestamp != null) {
      pairs.add("svix-timestamp");
      pairs.add(timestamp);
    }
    if (signature != null) {
      pairs.add("svix-signature");
      pairs.add(signature);
    }
    return WebhookHeaders.of(pairs.toArray(new String[0]));
  }

  /** The body followed by spaces up to {@code length} bytes: still the same JSON. */
  private static byte[] padded(byte[] body, int length) {
    byte[] out = Arrays.copyOf(body, length);
    Arrays.fill(out, body.length, length, (byte) ' ');
    return out;
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(4, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Counts the bytes taken from a body. */
  private static final class CountingStream extends ByteArrayInputStream {
    final AtomicLong read = new AtomicLong();

    CountingStream(byte[] body) {
      super(body);
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
      int n = super.read(b, off, len);
      if (n > 0) {
        read.addAndGet(n);
      }
      return n;
    }

    @Override
    public synchronized int read() {
      int b = super.read();
      if (b >= 0) {
        read.incrementAndGet();
      }
      return b;
    }
  }

  /** A store whose backend is down. */
  private static final class BrokenStore implements IdempotencyStore {
    @Override
    public Claim claim(String key, Duration lease) {
      throw new IllegalStateException("store unreachable");
    }

    @Override
    public void complete(Claim claim) {
      throw new IllegalStateException("store unreachable");
    }

    @Override
    public void release(Claim claim) {
      throw new IllegalStateException("store unreachable");
    }
  }
}
