package io.voicehooks.examples;

import io.voicehooks.core.CallSummary;
import io.voicehooks.core.FinishedCallEvent;
import io.voicehooks.core.WebhookEvent;
import io.voicehooks.core.WebhookHeaders;
import io.voicehooks.testing.AgniSamples;
import io.voicehooks.testing.Attempt;
import io.voicehooks.testing.DeliveryReport;
import io.voicehooks.testing.Provider;
import io.voicehooks.testing.Sample;
import io.voicehooks.testing.Samples;
import io.voicehooks.testing.SvixSigner;
import io.voicehooks.testing.WebhookSimulator;
import io.voicehooks.vaani.CallEndedEvent;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The {@code demo} command: starts the {@code serve} receiver in this process on a free loopback
 * port, has the {@link WebhookSimulator} deliver every sample event of the four providers to it the
 * way each provider would (Agntix signed, retries on a virtual clock), plus a duplicate, a failure
 * that the provider's retry repairs, a forged signature and a malformed body, and prints what the
 * listeners received and what each delivery was answered. Offline, no configuration, a second or
 * two.
 */
public final class Demo {
  private static final String FORGED_SESSION_ID = "0b5e55ed-0000-4000-8000-000000000401";

  private final PrintStream out;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final List<Delivery> deliveries = new ArrayList<>();
  private final List<String> surprises = new ArrayList<>();
  // Vaani and cllr take only a URL: their secret rides in it.
  private final String urlSecret = VaaniListenerExample.newUrlSecret();

  private Demo(PrintStream out) {
    this.out = out;
  }

  /**
   * Runs the demo.
   *
   * @param out where to print the tables
   * @return 0 when every delivery was answered as expected and every event received once, else 1
   * @throws UncheckedIOException if no loopback port can be bound
   */
  public static int run(PrintStream out) {
    Objects.requireNonNull(out, "out == null");
    return new Demo(out).run();
  }

  private int run() {
    long start = System.nanoTime();
    String secret = SvixSigner.generateSecret();
    SvixSigner agntix = SvixSigner.withSecret(secret);
    List<Sample> samples = new ArrayList<>();
    for (Sample sample : Samples.all()) {
      samples.add(sample.provider() == Provider.AGNTIX ? sample.signedWith(agntix) : sample);
    }
    // The listener fails on the first attempt of this event, as a database hiccup would.
    String flaky = samples.get(0).idempotencyKey();
    AtomicBoolean failed = new AtomicBoolean();

    ServerConfig config =
        new ServerConfig(
            AgniSamples.DEFAULT_ORG_ID, secret, List.of(urlSecret), List.of(urlSecret), null);
    InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    WebhookServer server;
    try {
      server =
          WebhookServer.start(
              config,
              loopback,
              (provider, event) -> {
                if (event.idempotencyKey().equals(flaky) && failed.compareAndSet(false, true)) {
                  throw new IllegalStateException("demo: the first attempt fails");
                }
                received.add(new Received(provider, event));
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      WebhookSimulator simulator = WebhookSimulator.create();
      for (Sample sample : samples) {
        String what = sample.idempotencyKey().equals(flaky) ? "listener fails once" : "sample";
        deliveries.add(new Delivery(what, simulator.deliver(target(server, sample), sample)));
      }
      Sample again = samples.get(samples.size() - 2); // Agntix session.ended, same svix-id
      deliveries.add(new Delivery("duplicate", simulator.deliver(target(server, again), again)));
      Sample forged =
          Samples.agntix()
              .sessionEnded()
              .sessionId(FORGED_SESSION_ID)
              .build()
              .signedWith(SvixSigner.withSecret(SvixSigner.generateSecret()));
      deliveries.add(
          new Delivery("wrong signature", simulator.deliver(target(server, forged), forged)));
      Sample malformed =
          Sample.of(
              Provider.CLLR,
              "post_call",
              "",
              WebhookHeaders.of("Content-Type", "application/json"),
              "{\"callId\": \"693bff62619c51fac21acf50\", \"callAnalysis\": {"
                  .getBytes(StandardCharsets.UTF_8));
      deliveries.add(
          new Delivery("malformed body", simulator.deliver(target(server, malformed), malformed)));
    } finally {
      server.stop(Duration.ofSeconds(5));
    }

    check(samples);
    print(server.port(), Duration.ofNanos(System.nanoTime() - start));
    return surprises.isEmpty() ? 0 : 1;
  }

  private URI target(WebhookServer server, Sample sample) {
    String path = "/webhooks/" + sample.provider().id();
    boolean urlOnly = sample.provider() == Provider.VAANI || sample.provider() == Provider.CLLR;
    return server.uri(urlOnly ? path + "?token=" + urlSecret : path);
  }

  private void check(List<Sample> samples) {
    for (Sample sample : samples) {
      long times = received.stream().filter(r -> r.key().equals(sample.idempotencyKey())).count();
      if (times != 1) {
        surprises.add(sample + " was received " + times + " times, not once");
      }
    }
    if (received.size() != samples.size()) {
      surprises.add(received.size() + " events received, " + samples.size() + " expected");
    }
    for (Delivery delivery : deliveries) {
      List<Integer> statuses = delivery.statuses();
      boolean expected;
      switch (delivery.what()) {
        case "listener fails once":
          expected = statuses.equals(List.of(500, 200));
          break;
        case "wrong signature":
          expected = !statuses.isEmpty() && statuses.stream().allMatch(s -> s == 401);
          break;
        case "malformed body":
          expected = statuses.equals(List.of(400));
          break;
        case "duplicate":
          expected =
              statuses.equals(List.of(200)) && delivery.lastAnswer().contains("\"duplicate\"");
          break;
        default:
          expected = statuses.equals(List.of(200));
      }
      if (!expected) {
        surprises.add(delivery.what() + " " + delivery.report().sample() + " got " + statuses);
      }
    }
  }

  private void print(int port, Duration took) {
    out.println(
        "VoiceHooks demo: the serve receiver on http://127.0.0.1:"
            + port
            + "/webhooks/{agni,vaani,agntix,cllr},");
    out.println(
        "fed by WebhookSimulator as each provider delivers (Agntix signed, Vaani and cllr with a"
            + " secret in the URL; retries on a virtual clock).");
    out.println();
    out.println("Received by the listeners: " + received.size() + " events, each once");
    String events = "%-8s %-25s %-40s %-9s %-8s %-9s %s%n";
    out.printf(
        events,
        "PROVIDER",
        "EVENT",
        "IDEMPOTENCY KEY",
        "OUTCOME",
        "DURATION",
        "SENTIMENT",
        "SUMMARY");
    for (Received r : received) {
      CallSummary call = r.event() instanceof FinishedCallEvent f ? f.callSummary() : null;
      Duration duration = call != null ? call.duration() : null;
      if (r.event() instanceof CallEndedEvent ended) {
        duration = ended.callDuration();
      }
      out.printf(
          events,
          r.provider(),
          fit(r.event().eventType(), 25),
          middle(r.key(), 40),
          call != null ? call.outcome() : "-",
          human(duration),
          call != null ? call.sentiment() : "-",
          fit(call != null && call.summary() != null ? call.summary() : "-", 32));
    }
    out.println();
    out.println("Deliveries and the answers returned: " + deliveries.size());
    String rows = "%-8s %-25s %-19s %-8s %-20s %-11s %s%n";
    out.printf(rows, "PROVIDER", "EVENT", "CASE", "ATTEMPTS", "STATUSES", "OUTCOME", "LAST ANSWER");
    for (Delivery d : deliveries) {
      Sample sample = d.report().sample();
      out.printf(
          rows,
          sample.provider().id(),
          fit(sample.eventType(), 25),
          d.what(),
          d.report().attempts().size(),
          statuses(d.report()),
          d.report().outcome(),
          fit(d.lastAnswer(), 34));
    }
    out.println();
    if (surprises.isEmpty()) {
      out.printf(
          "All as expected, in %.1f s: every event processed once; the duplicate answered 200"
              + " without a second dispatch;%nthe failed attempt answered 500 and its retry"
              + " processed; the forged signature 401; the malformed body 400.%n",
          took.toMillis() / 1000.0);
    } else {
      out.println("UNEXPECTED:");
      surprises.forEach(s -> out.println("  " + s));
    }
  }

  /** "200", "500, 200 (+30s)", "401 x7 (+17h 35m 5s)": statuses, and when the last was sent. */
  private static String statuses(DeliveryReport report) {
    List<Attempt> attempts = report.attempts();
    List<String> codes = new ArrayList<>();
    for (Attempt attempt : attempts) {
      codes.add(attempt.failure() != null ? attempt.failure().name() : "" + attempt.status());
    }
    String text;
    if (codes.size() > 2 && codes.stream().allMatch(Predicate.isEqual(codes.get(0)))) {
      text = codes.get(0) + " x" + codes.size();
    } else {
      text = String.join(", ", codes);
    }
    Attempt last = report.lastAttempt();
    if (last != null && last.number() > 1) {
      text += " (+" + human(last.virtualOffset()) + ")";
    }
    return text;
  }

  /** "42.5s", "2m 5s", "7h 35m 5s", or "-" for none. */
  static String human(@Nullable Duration duration) {
    if (duration == null) {
      return "-";
    }
    long hours = duration.toHours();
    int minutes = duration.toMinutesPart();
    double seconds = duration.toSecondsPart() + duration.toNanosPart() / 1e9;
    StringBuilder text = new StringBuilder();
    if (hours > 0) {
      text.append(hours).append("h ");
    }
    if (hours > 0 || minutes > 0) {
      text.append(minutes).append("m ");
    }
    text.append(
        seconds == Math.rint(seconds) ? String.valueOf((long) seconds) : String.valueOf(seconds));
    return text.append('s').toString();
  }

  private static String fit(String text, int width) {
    String line = text.replace('\n', ' ');
    return line.length() <= width ? line : line.substring(0, width - 3) + "...";
  }

  /** Keeps both ends of an id, which are what tell ids apart. */
  private static String middle(String text, int width) {
    if (text.length() <= width) {
      return text;
    }
    int head = (width - 3) / 2;
    return text.substring(0, head) + "..." + text.substring(text.length() - (width - 3 - head));
  }

  /** One event as a listener received it. */
  private record Received(String provider, WebhookEvent event) {
    String key() {
      return event.idempotencyKey();
    }
  }

  /** One simulated delivery and why it was sent. */
  private record Delivery(String what, DeliveryReport report) {
    List<Integer> statuses() {
      List<Integer> statuses = new ArrayList<>();
      report.attempts().forEach(a -> statuses.add(a.status()));
      return statuses;
    }

    String lastAnswer() {
      Attempt last = report.lastAttempt();
      return last == null ? "" : last.responseBody();
    }
  }
}
