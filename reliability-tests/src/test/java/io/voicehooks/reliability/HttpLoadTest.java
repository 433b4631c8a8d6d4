package io.voicehooks.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpServer;
import io.voicehooks.agni.AgniWebhookParser;
import io.voicehooks.agntix.AgntixWebhookParser;
import io.voicehooks.cllr.CllrWebhookParser;
import io.voicehooks.core.SvixSignatureVerifier;
import io.voicehooks.core.WebhookEvent;
import io.voicehooks.core.WebhookHandler;
import io.voicehooks.core.WebhookHeaders;
import io.voicehooks.core.WebhookParser;
import io.voicehooks.core.WebhookRequest;
import io.voicehooks.core.WebhookResponse;
import io.voicehooks.core.internal.Digests;
import io.voicehooks.core.internal.InMemoryIdempotencyStore;
import io.voicehooks.fixtures.Fixtures;
import io.voicehooks.vaani.VaaniWebhookParser;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * 50,000 deliveries over real HTTP on 127.0.0.1: the JDK {@link HttpServer} (16 threads, one
 * context and one {@link WebhookHandler} per provider) receives a shuffled mix of all four
 * providers from a JDK {@link HttpClient} that keeps at most 32 requests in flight and retries as a
 * provider does (on 5xx and 409, a few times, 1 ms apart). The mix: 65% distinct valid events, 25%
 * duplicates of them, 5% forged (Agntix signed with a wrong secret, Agni of a wrong organisation)
 * and 5% malformed. The listeners throw on the first attempt of 10% of the events.
 *
 * <p>Checked: every valid event is processed exactly once, nothing forged or malformed is, the only
 * 5xx are the injected listener failures (one 500 each), each delivery ends with its expected
 * status, and memory stays bounded (heap after a GC; each in-memory store within its bound).
 */
final class HttpLoadTest {
  private static final int DELIVERIES = 50_000;
  private static final int IN_FLIGHT = 32;
  private static final int SERVER_THREADS = 16;
  private static final int MAX_ATTEMPTS = 8;
  private static final int STORE_BOUND = 20_000;
  private static final long HEAP_BOUND_BYTES = 256L << 20;
  private static final String FORGING_SECRET = SvixSignatureVerifierFuzzTest.ROTATED_SECRET;

  enum Provider {
    AGNI,
    VAANI,
    AGNTIX,
    CLLR
  }

  enum Kind {
    VALID(200),
    DUPLICATE(200),
    FORGED(401),
    MALFORMED(400);

    final int finalStatus;

    Kind(int finalStatus) {
      this.finalStatus = finalStatus;
    }
  }

  /** One delivery of the plan; {@code event} is the index of its distinct event, or -1. */
  record Delivery(Provider provider, Kind kind, int event, byte[] body, String msgId) {}

  private final Map<String, AtomicInteger> processed = new ConcurrentHashMap<>();
  private final Set<String> failOnFirstAttempt = ConcurrentHashMap.newKeySet();
  private final Set<String> failedOnce = ConcurrentHashMap.newKeySet();
  private final AtomicInteger injected = new AtomicInteger();

  @Test
  void fiftyThousandDeliveries_eachValidEventProcessedExactlyOnce_nothingForgedGetsThrough()
      throws Exception {
    Plan plan = Plan.build(new Random(20_260_408L));
    for (String key : plan.failFirst) {
      failOnFirstAttempt.add(key);
    }
    Map<Provider, InMemoryIdempotencyStore> stores = new EnumMap<>(Provider.class);
    ExecutorService serverThreads = Executors.newFixedThreadPool(SERVER_THREADS);
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
    server.setExecutor(serverThreads);
    for (Provider provider : Provider.values()) {
      InMemoryIdempotencyStore store =
          new InMemoryIdempotencyStore(STORE_BOUND, Duration.ofHours(1), System::nanoTime);
      stores.put(provider, store);
      WebhookHandler handler = handler(provider, store);
      server.createContext(
          "/" + provider.name().toLowerCase(),
          exchange -> {
            WebhookResponse answer =
                handler.handle(
                    WebhookHeaders.of(exchange.getRequestHeaders()), exchange.getRequestBody());
            byte[] body = answer.bodyBytes();
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          });
    }
    server.start();
    URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    Client client = new Client(base, plan.deliveries);
    try {
      assertTimeoutPreemptively(Duration.ofMinutes(2), client::run);
    } finally {
      server.stop(0);
      serverThreads.shutdownNow();
    }

    System.gc();
    long heapUsed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    long[] latencies = Arrays.copyOf(client.latencies, client.requests.get());
    Arrays.sort(latencies);
    long lost = plan.validKeys.stream().filter(k -> !processed.containsKey(k)).count();
    long twice = processed.values().stream().filter(c -> c.get() > 1).count();
    System.out.printf(
        "HttpLoadTest: %,d deliveries (%,d requests with retries) in %.1f s = %,.0f req/s, latency"
            + " p50 %.2f ms p99 %.2f ms; %,d distinct valid events processed, lost %d,"
            + " processed twice %d, forged/malformed processed %d; injected listener failures %,d,"
            + " 500s %,d, 409s %,d, connection failures retried %d; heap after GC %d MB%n",
        DELIVERIES,
        client.requests.get(),
        client.seconds,
        client.requests.get() / client.seconds,
        percentile(latencies, 0.50) / 1e6,
        percentile(latencies, 0.99) / 1e6,
        processed.size(),
        lost,
        twice,
        processed.keySet().stream().filter(HttpLoadTest::isBogus).count(),
        injected.get(),
        client.statusCount(500),
        client.statusCount(409),
        client.transportErrors.size(),
        heapUsed >> 20);
    client.transportErrors.stream()
        .limit(3)
        .forEach(e -> System.out.println("  retried after: " + e));

    assertThat(client.errors).as("transport errors").isEmpty();
    assertThat(lost).as("valid events never processed").isZero();
    assertThat(twice).as("valid events processed more than once").isZero();
    assertThat(processed.keySet()).as("processed events").isEqualTo(plan.validKeys);
    assertThat(processed.keySet()).noneMatch(HttpLoadTest::isBogus);
    for (int i = 0; i < plan.deliveries.size(); i++) {
      Delivery delivery = plan.deliveries.get(i);
      assertThat(client.finalStatus.get(i))
          .as("final status of %s %s delivery %d", delivery.kind(), delivery.provider(), i)
          .isEqualTo(delivery.kind().finalStatus);
    }
    assertThat(injected.get()).isEqualTo(plan.failFirst.size()).isPositive();
    // Each injected failure is answered 500 once; only a connection failure (retried, counted)
    // could hide one of those answers from the client.
    assertThat(client.statusCount(500))
        .as("500s")
        .isBetween(injected.get() - client.transportErrors.size(), injected.get());
    assertThat(client.transportErrors.size()).as("connection failures").isLessThan(50);
    for (int status = 501; status < 600; status++) {
      assertThat(client.statusCount(status)).as("status %d", status).isZero();
    }
    assertThat(heapUsed).as("heap used after GC").isLessThan(HEAP_BOUND_BYTES);
    for (Provider provider : Provider.values()) {
      assertThat(stores.get(provider).size())
          .as("keys held for %s", provider)
          .isLessThanOrEqualTo(STORE_BOUND)
          .isEqualTo(plan.validKeys.stream().filter(k -> k.startsWith(provider + "|")).count());
    }
  }

  @Test
  void inMemoryStore_underFiftyThousandDistinctEvents_staysWithinItsBound() throws Exception {
    int bound = 1_000;
    int threads = 8;
    InMemoryIdempotencyStore store =
        new InMemoryIdempotencyStore(bound, Duration.ofHours(1), System::nanoTime);
    AtomicInteger listened = new AtomicInteger();
    WebhookHandler handler =
        WebhookHandler.builder(CllrWebhookParser.create())
            .listener(e -> listened.incrementAndGet())
            .idempotencyStore(store)
            .build();
    AtomicInteger next = new AtomicInteger();
    AtomicInteger largest = new AtomicInteger();
    ExecutorService senders = Executors.newFixedThreadPool(threads);
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      workers.add(
          senders.submit(
              () -> {
                for (int i = next.getAndIncrement(); i < DELIVERIES; i = next.getAndIncrement()) {
                  WebhookResponse answer =
                      handler.handle(
                          WebhookRequest.of(Payloads.utf8("{\"callId\":\"bound-" + i + "\"}")));
                  assertThat(answer.status()).isEqualTo(200);
                  largest.accumulateAndGet(store.size(), Math::max);
                }
              }));
    }
    try {
      for (Future<?> worker : workers) {
        worker.get(2, TimeUnit.MINUTES);
      }
    } finally {
      senders.shutdownNow();
    }

    System.out.printf(
        "HttpLoadTest: %,d distinct events through a store bounded to %,d keys: %,d held at the"
            + " end, at most %,d at any moment%n",
        DELIVERIES, bound, store.size(), largest.get());
    assertThat(listened).hasValue(DELIVERIES);
    assertThat(store.size()).isLessThanOrEqualTo(bound);
    // Claims racing the eviction may overshoot for a moment, by at most one key per thread.
    assertThat(largest.get()).isLessThanOrEqualTo(bound + threads);
  }

  private static boolean isBogus(String key) {
    return key.contains("forged-") || key.contains("malformed-");
  }

  private WebhookHandler handler(Provider provider, InMemoryIdempotencyStore store) {
    WebhookParser<?> parser =
        switch (provider) {
          case AGNI -> AgniWebhookParser.builder().expectedOrgId(Fixtures.AGNI_ORG_ID).build();
          case VAANI -> VaaniWebhookParser.create();
          case AGNTIX -> AgntixWebhookParser.create(Payloads.AGNTIX_SECRET);
          case CLLR -> CllrWebhookParser.create();
        };
    return builder(parser, provider).idempotencyStore(store).build();
  }

  private <E extends WebhookEvent> WebhookHandler.Builder<E> builder(
      WebhookParser<E> parser, Provider provider) {
    Consumer<E> listener =
        event -> {
          String key = provider + "|" + event.idempotencyKey();
          if (failOnFirstAttempt.contains(key) && failedOnce.add(key)) {
            injected.incrementAndGet();
            throw new IllegalStateException("injected failure");
          }
          processed.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        };
    return WebhookHandler.builder(parser).listener(listener);
  }

  private static double percentile(long[] sorted, double p) {
    return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, p * sorted.length)];
  }

  /** The deliveries to send, in order, and what they must produce. */
  static final class Plan {
    final List<Delivery> deliveries = new ArrayList<>(DELIVERIES);
    final Set<String> validKeys = ConcurrentHashMap.newKeySet();
    final Set<String> failFirst = ConcurrentHashMap.newKeySet();

    static Plan build(Random random) {
      Plan plan = new Plan();
      Templates templates = new Templates();
      int valid = DELIVERIES * 65 / 100;
      int duplicates = DELIVERIES * 25 / 100;
      int forged = DELIVERIES * 5 / 100;
      int malformed = DELIVERIES - valid - duplicates - forged;
      // A unit is sent back to back: an original with the duplicates that race it, or one
      // delivery on its own. A quarter of the duplicates race their original; the rest come
      // anywhere, before or after it.
      List<Delivery> originals = new ArrayList<>(valid);
      List<List<Delivery>> units = new ArrayList<>();
      for (int i = 0; i < valid; i++) {
        Provider provider = Provider.values()[i % 4];
        Templates.Event event = templates.valid(provider, i, random);
        Delivery delivery = new Delivery(provider, Kind.VALID, i, event.body(), "msg_" + i);
        originals.add(delivery);
        units.add(new ArrayList<>(List.of(delivery)));
        String key = provider + "|" + event.key();
        plan.validKeys.add(key);
        if (random.nextInt(10) == 0) {
          plan.failFirst.add(key);
        }
      }
      for (int i = 0; i < duplicates; i++) {
        int event = random.nextInt(valid);
        Delivery original = originals.get(event);
        Delivery duplicate =
            new Delivery(
                original.provider(), Kind.DUPLICATE, event, original.body(), original.msgId());
        if (i % 4 == 0) {
          units.get(event).add(duplicate);
        } else {
          units.add(List.of(duplicate));
        }
      }
      for (int i = 0; i < forged; i++) {
        Provider provider = i % 2 == 0 ? Provider.AGNTIX : Provider.AGNI;
        units.add(
            List.of(
                new Delivery(
                    provider, Kind.FORGED, -1, templates.forged(provider, i), "msg_f" + i)));
      }
      for (int i = 0; i < malformed; i++) {
        Provider provider = Provider.values()[i % 4];
        units.add(
            List.of(
                new Delivery(
                    provider, Kind.MALFORMED, -1, templates.malformed(provider, i), "msg_m" + i)));
      }
      Collections.shuffle(units, random);
      units.forEach(plan.deliveries::addAll);
      return plan;
    }
  }

  /** Realistic bodies: the fixtures, each with a fresh identity. */
  static final class Templates {
    record Event(byte[] body, String key) {}

    /** The key suffixes of the documented transfer examples, which these fixtures are. */
    private static final Map<String, String> TRANSFER_DIGESTS =
        Map.of(
            "human_transfer_initiated", ":de9119acec39ea0a47ed0f9f4af104c1",
            "human_transfer_successful", ":88f693315ec4fe3df12d32b6f14432d6",
            "human_transfer_failed", ":ac8fc80fce3b004a68bb3049bdae361c");

    private final List<String> agni =
        List.of("call.completed.json", "call.completed.inbound.json", "call.completed.web.json")
            .stream()
            .map(f -> Fixtures.text("agni", f))
            .toList();
    private final List<String> vaani =
        List.of(
                "call_started.json",
                "call_ringing.json",
                "user_picked_up_at.json",
                "call_rejected.json",
                "call_no_answer.json",
                "call_failed.json",
                "human_transfer_initiated.json",
                "human_transfer_successful.json",
                "human_transfer_failed.json",
                "call_ended.json",
                "call_postprocessing.json",
                "unknown-event.json")
            .stream()
            .map(f -> Fixtures.text("vaani", f))
            .toList();
    private final List<String> agntix =
        List.of("session.created.json", "session.ended.json", "session.ended.minimal.json").stream()
            .map(f -> Fixtures.text("agntix", f))
            .toList();
    private final List<String> cllr =
        List.of("post_call.json", "post_call.full.json", "post_call.minimal.json").stream()
            .map(f -> Fixtures.text("cllr", f))
            .toList();

    Event valid(Provider provider, int n, Random random) {
      switch (provider) {
        case AGNI:
          {
            String id = "agni-" + n;
            return new Event(agni(pick(agni, random), id), "agni:call.completed:" + id);
          }
        case VAANI:
          {
            String template = pick(vaani, random);
            String room = "room-" + n;
            String body =
                template.replaceFirst(
                    "\"room_name\": \"[^\"]*\"", "\"room_name\": \"" + room + "\"");
            String type = body.replaceFirst("(?s).*?\"event\": \"([^\"]*)\".*", "$1");
            String key =
                type.equals("call_recording_ready")
                    ? "vaani:" + type + ":" + Digests.sha256Hex(body)
                    : "vaani:" + type + ":" + room + TRANSFER_DIGESTS.getOrDefault(type, "");
            return new Event(Payloads.utf8(body), key);
          }
        case AGNTIX:
          {
            String template = pick(agntix, random);
            String id = "ses-" + n;
            String body = template.replaceFirst("\"id\": \"[^\"]*\"", "\"id\": \"" + id + "\"");
            String type = body.replaceFirst("(?s).*?\"eventType\": \"([^\"]*)\".*", "$1");
            return new Event(Payloads.utf8(body), "agntix:" + type + ":" + id);
          }
        default:
          {
            String id = "cllr-" + n;
            String body =
                pick(cllr, random)
                    .replaceFirst("\"callId\": \"[^\"]*\"", "\"callId\": \"" + id + "\"");
            return new Event(Payloads.utf8(body), "cllr:post_call:" + id);
          }
      }
    }

    byte[] forged(Provider provider, int n) {
      if (provider == Provider.AGNI) {
        return agni(
            agni.get(0).replace(Fixtures.AGNI_ORG_ID, "9f2c7e5a-0b1d-4c3e-8f6a-2b4d6e8f0a1c"),
            "forged-" + n);
      }
      return Payloads.utf8(
          agntix.get(1).replaceFirst("\"id\": \"[^\"]*\"", "\"id\": \"forged-" + n + "\""));
    }

    byte[] malformed(Provider provider, int n) {
      String id = "malformed-" + n;
      String body;
      switch (provider) {
        case AGNI:
          body = new String(agni(agni.get(0), id), StandardCharsets.UTF_8);
          break;
        case VAANI:
          body = vaani.get(0).replace("room_123abc", id);
          break;
        case AGNTIX:
          body = agntix.get(0).replaceFirst("\"id\": \"[^\"]*\"", "\"id\": \"" + id + "\"");
          break;
        default:
          body = cllr.get(0).replaceFirst("\"callId\": \"[^\"]*\"", "\"callId\": \"" + id + "\"");
      }
      switch (n % 3) {
        case 0:
          return Payloads.utf8(body.substring(0, body.length() / 2)); // truncated
        case 1:
          return Payloads.utf8("[" + body + "]"); // not an object
        default:
          return Payloads.utf8(body + "}"); // trailing garbage
      }
    }

    private static byte[] agni(String template, String id) {
      return Payloads.utf8(
          template.replaceFirst(
              "\"call_session_id\": \"[^\"]*\"", "\"call_session_id\": \"" + id + "\""));
    }

    private static String pick(List<String> templates, Random random) {
      return templates.get(random.nextInt(templates.size()));
    }
  }

  /** Sends the plan with at most {@link #IN_FLIGHT} requests in flight, retrying as a provider. */
  final class Client {
    final URI base;
    final List<Delivery> deliveries;
    final HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    final AtomicIntegerArray finalStatus;
    final AtomicIntegerArray statuses = new AtomicIntegerArray(600);
    final long[] latencies = new long[DELIVERIES * MAX_ATTEMPTS];
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger next = new AtomicInteger();
    final List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
    final List<Throwable> transportErrors = Collections.synchronizedList(new ArrayList<>());
    double seconds;

    Client(URI base, List<Delivery> deliveries) {
      this.base = base;
      this.deliveries = deliveries;
      this.finalStatus = new AtomicIntegerArray(deliveries.size());
    }

    int statusCount(int status) {
      return statuses.get(status);
    }

    void run() throws Exception {
      ExecutorService senders = Executors.newFixedThreadPool(IN_FLIGHT);
      long start = System.nanoTime();
      try {
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < IN_FLIGHT; i++) {
          workers.add(senders.submit(this::work));
        }
        for (Future<?> worker : workers) {
          worker.get();
        }
      } finally {
        senders.shutdownNow();
        senders.awaitTermination(5, TimeUnit.SECONDS);
      }
      seconds = (System.nanoTime() - start) / 1e9;
    }

    private void work() {
      for (int i = next.getAndIncrement(); i < deliveries.size(); i = next.getAndIncrement()) {
        try {
          finalStatus.set(i, deliver(deliveries.get(i)));
        } catch (IOException | RuntimeException e) {
          errors.add(e);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }

    private int deliver(Delivery delivery) throws IOException, InterruptedException {
      URI uri = base.resolve(delivery.provider().name().toLowerCase());
      for (int attempt = 1; ; attempt++) {
        HttpRequest.Builder request =
            HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()));
        if (delivery.provider() == Provider.AGNTIX) {
          // Svix re-signs each attempt with the same message id and a fresh timestamp.
          long now = Instant.now().getEpochSecond();
          String secret = delivery.kind() == Kind.FORGED ? FORGING_SECRET : Payloads.AGNTIX_SECRET;
          request
              .header("svix-id", delivery.msgId())
              .header("svix-timestamp", Long.toString(now))
              .header(
                  "svix-signature",
                  SvixSignatureVerifier.sign(secret, delivery.msgId(), now, delivery.body()));
        }
        long started = System.nanoTime();
        HttpResponse<Void> response;
        try {
          response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
          // A provider retries a delivery whose connection failed, as it retries a 5xx.
          transportErrors.add(e);
          if (attempt == MAX_ATTEMPTS) {
            throw e;
          }
          continue;
        }
        long took = System.nanoTime() - started;
        int index = requests.getAndIncrement();
        if (index < latencies.length) {
          latencies[index] = took;
        }
        int status = response.statusCode();
        statuses.incrementAndGet(Math.min(status, 599));
        boolean retry = status >= 500 || status == 409;
        if (!retry || attempt == MAX_ATTEMPTS) {
          return status;
        }
        if (status == 409) {
          Thread.sleep(1);
        }
      }
    }
  }
}
