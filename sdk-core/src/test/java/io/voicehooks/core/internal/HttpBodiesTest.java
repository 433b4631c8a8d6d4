package io.voicehooks.core.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.voicehooks.core.internal.HttpBodies.Failure;
import io.voicehooks.core.internal.HttpBodies.Limited;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The one body-reading and deadline behaviour of every VoiceHooks HTTP client, over a real JDK
 * HttpServer (and a raw socket) on 127.0.0.1. Every slow handler gives up by itself within seconds.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
final class HttpBodiesTest {
  private static final Duration SHORT = Duration.ofMillis(400);

  /** Released after each test, so that slow handlers end. */
  private final CountDownLatch release = new CountDownLatch(1);

  private HttpServer server;
  private ExecutorService workers;
  private HttpClient client;

  @BeforeEach
  void start() throws IOException {
    workers = Executors.newCachedThreadPool();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(workers);
    server.start();
    client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    // One exchange first, so that class loading does not eat into the short deadlines below.
    server.createContext("/warm-up", answer(204, ""));
    try {
      HttpBodies.send(
          client,
          HttpRequest.newBuilder(
                  URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/warm-up"))
              .build(),
          info -> HttpBodies.skipped(),
          Duration.ofSeconds(10));
    } catch (Failure e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterEach
  void stop() throws InterruptedException {
    release.countDown();
    server.stop(0);
    workers.shutdownNow();
    assertThat(workers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  private HttpRequest serve(HttpHandler handler) {
    server.createContext("/r", handler);
    return HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/r"))
        .timeout(Duration.ofSeconds(10))
        .build();
  }

  private static HttpHandler answer(int status, String body) {
    return exchange -> {
      byte[] bytes = body.getBytes(UTF_8);
      exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    };
  }

  /**
   * Answers {@code status}, then writes {@code chunk} bytes every {@code pauseMillis} ms, never
   * ending, until the client hangs up ({@code hungUp}) or the test ends; counts what it wrote.
   */
  private HttpHandler endless(
      int status,
      long declaredLength,
      int chunk,
      long pauseMillis,
      AtomicLong written,
      CountDownLatch hungUp) {
    return exchange -> {
      byte[] bytes = new byte[chunk];
      Arrays.fill(bytes, (byte) 'x');
      try (OutputStream out = exchange.getResponseBody()) {
        exchange.sendResponseHeaders(status, declaredLength);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < until) {
          out.write(bytes);
          out.flush();
          written.addAndGet(chunk);
          if (pauseMillis > 0 && release.await(pauseMillis, TimeUnit.MILLISECONDS)) {
            return;
          }
        }
      } catch (IOException e) {
        hungUp.countDown();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
  }

  private static Failure failure(ThrowingSupplier action) {
    try {
      action.get();
    } catch (Failure f) {
      return f;
    }
    throw new AssertionError("expected a failure");
  }

  @FunctionalInterface
  private interface ThrowingSupplier {
    Object get() throws Failure;
  }

  // --- The size limit ----------------------------------------------------------------------------

  @Test
  void limited_bodyUpToTheLimit_isRead() throws Failure {
    HttpRequest request = serve(answer(200, "{\"a\":1}"));

    HttpResponse<byte[]> response =
        HttpBodies.send(client, request, HttpBodies.limitedIfSuccessful(7), SHORT.multipliedBy(10));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(new String(response.body(), UTF_8)).isEqualTo("{\"a\":1}");
  }

  @Test
  void limited_declaredLengthOverTheLimit_isNullBeforeTheBodyIsRead() throws Exception {
    AtomicLong written = new AtomicLong();
    CountDownLatch hungUp = new CountDownLatch(1);
    HttpRequest request = serve(endless(200, 1L << 30, 1024, 50, written, hungUp));
    long start = System.nanoTime();

    HttpResponse<byte[]> response =
        HttpBodies.send(
            client, request, HttpBodies.limitedIfSuccessful(4096), Duration.ofSeconds(10));

    assertThat(response.body()).isNull();
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    assertThat(hungUp.await(10, TimeUnit.SECONDS)).as("the client hung up").isTrue();
  }

  @Test
  void limited_streamedBodyOverTheLimit_isNullAsSoonAsItIsPassed() throws Exception {
    AtomicLong written = new AtomicLong();
    CountDownLatch hungUp = new CountDownLatch(1);
    HttpRequest request = serve(endless(200, 0, 8192, 0, written, hungUp));

    HttpResponse<byte[]> response =
        HttpBodies.send(
            client, request, HttpBodies.limitedIfSuccessful(64 * 1024), Duration.ofSeconds(10));

    assertThat(response.body()).isNull();
    assertThat(hungUp.await(10, TimeUnit.SECONDS)).as("the client hung up").isTrue();
    assertThat(written.get()).isLessThan(256L << 20);
  }

  @Test
  void limitedIfSuccessful_errorStatusWithAnEndlessBody_returnsAtOnceWithoutReadingIt()
      throws Exception {
    AtomicLong written = new AtomicLong();
    CountDownLatch hungUp = new CountDownLatch(1);
    HttpRequest request = serve(endless(503, 0, 16, 50, written, hungUp));
    long start = System.nanoTime();

    HttpResponse<byte[]> response =
        HttpBodies.send(
            client, request, HttpBodies.limitedIfSuccessful(1 << 20), Duration.ofSeconds(10));

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    assertThat(hungUp.await(10, TimeUnit.SECONDS)).as("the client hung up").isTrue();
  }

  @Test
  void truncated_keepsTheStartAndReadsToTheEnd() throws Failure {
    HttpRequest request = serve(answer(400, "a".repeat(10) + "b".repeat(50_000)));

    HttpResponse<byte[]> response =
        HttpBodies.send(client, request, info -> HttpBodies.truncated(12), Duration.ofSeconds(5));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(new String(response.body(), UTF_8)).isEqualTo("aaaaaaaaaabb");
  }

  // --- The deadline ------------------------------------------------------------------------------

  @Test
  void send_noHeadersBeforeTheDeadline_timesOut() {
    HttpRequest request =
        serve(
            exchange -> {
              try {
                release.await(10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              answer(200, "{}").handle(exchange);
            });
    long start = System.nanoTime();

    Failure failure =
        failure(() -> HttpBodies.send(client, request, HttpBodies.limitedIfSuccessful(100), SHORT));

    assertThat(failure.kind()).isEqualTo(Failure.Kind.TIMEOUT);
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isBetween(SHORT.minusMillis(50), Duration.ofSeconds(4));
  }

  @Test
  void send_bodyThatTricklesForeverUnderTheLimit_timesOutAtTheDeadline() throws Exception {
    AtomicLong written = new AtomicLong();
    CountDownLatch hungUp = new CountDownLatch(1);
    HttpRequest request = serve(endless(200, 0, 1, 20, written, hungUp));
    long start = System.nanoTime();

    Failure failure =
        failure(
            () -> HttpBodies.send(client, request, HttpBodies.limitedIfSuccessful(1 << 20), SHORT));

    assertThat(failure.kind()).isEqualTo(Failure.Kind.TIMEOUT);
    assertThat(written.get()).isPositive();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    assertThat(hungUp.await(10, TimeUnit.SECONDS)).as("the client hung up").isTrue();
  }

  @Test
  void truncated_bodyThatTricklesForever_timesOutToo() throws Exception {
    AtomicLong written = new AtomicLong();
    CountDownLatch hungUp = new CountDownLatch(1);
    HttpRequest request = serve(endless(200, 0, 64, 20, written, hungUp));

    Failure failure =
        failure(() -> HttpBodies.send(client, request, info -> HttpBodies.truncated(16), SHORT));

    assertThat(failure.kind()).isEqualTo(Failure.Kind.TIMEOUT);
    assertThat(written.get()).as("past what was kept").isGreaterThan(16);
  }

  @Test
  void send_interrupted_cancelsAndKeepsTheInterruptFlag() throws Exception {
    AtomicLong written = new AtomicLong();
    CountDownLatch hungUp = new CountDownLatch(1);
    HttpRequest request = serve(endless(200, 0, 1, 20, written, hungUp));
    AtomicReference<Object> outcome = new AtomicReference<>();
    AtomicBoolean flagAfter = new AtomicBoolean();
    Thread caller =
        new Thread(
            () -> {
              try {
                outcome.set(
                    HttpBodies.send(
                        client,
                        request,
                        HttpBodies.limitedIfSuccessful(1 << 20),
                        Duration.ofSeconds(10)));
              } catch (Failure f) {
                outcome.set(f);
              }
              flagAfter.set(Thread.currentThread().isInterrupted());
            });
    long start = System.nanoTime();
    caller.start();
    Thread.sleep(300);
    caller.interrupt();
    caller.join(5_000);

    assertThat(caller.isAlive()).isFalse();
    assertThat(outcome.get())
        .isInstanceOfSatisfying(
            Failure.class, f -> assertThat(f.kind()).isEqualTo(Failure.Kind.INTERRUPTED));
    assertThat(flagAfter.get()).as("interrupt flag set again").isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    assertThat(hungUp.await(10, TimeUnit.SECONDS)).as("the client hung up").isTrue();
  }

  @Test
  void send_connectionRefused_isAnIoError() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port)).build();

    Failure failure =
        failure(
            () ->
                HttpBodies.send(
                    client, request, HttpBodies.limitedIfSuccessful(10), Duration.ofSeconds(5)));

    assertThat(failure.kind()).isEqualTo(Failure.Kind.IO_ERROR);
    assertThat(failure.getCause()).isInstanceOf(IOException.class);
  }

  // --- Streams, for a client on its own socket ---------------------------------------------------

  @Test
  void withDeadline_socketThatTricklesForever_timesOutAtTheDeadline() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Void> trickle = trickle(listener);
      try (Socket socket = SocketChannel.open().socket()) {
        socket.connect(listener.getLocalSocketAddress(), 2_000);
        long start = System.nanoTime();
        long deadline = HttpBodies.deadline(SHORT);
        InputStream in = HttpBodies.withDeadline(socket.getInputStream(), socket, deadline);

        assertThatThrownBy(() -> HttpBodies.readToEnd(in, new Limited(1 << 20)))
            .isInstanceOfSatisfying(
                SocketTimeoutException.class,
                e -> assertThat(Failure.of(e).kind()).isEqualTo(Failure.Kind.TIMEOUT));
        assertThat(Duration.ofNanos(System.nanoTime() - start))
            .isBetween(SHORT.minusMillis(50), Duration.ofSeconds(4));
      }
      trickle.get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void channelSocket_interruptedRead_isAnInterruptWithTheFlagSet() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Void> trickle = trickle(listener);
      AtomicReference<Failure> outcome = new AtomicReference<>();
      AtomicBoolean flagAfter = new AtomicBoolean();
      Thread reader =
          new Thread(
              () -> {
                try (Socket socket = SocketChannel.open().socket()) {
                  socket.connect(listener.getLocalSocketAddress(), 2_000);
                  long deadline = HttpBodies.deadline(Duration.ofSeconds(10));
                  HttpBodies.readToEnd(
                      HttpBodies.withDeadline(socket.getInputStream(), socket, deadline),
                      new Limited(1 << 20));
                } catch (IOException e) {
                  outcome.set(Failure.of(e));
                }
                flagAfter.set(Thread.currentThread().isInterrupted());
              });
      reader.start();
      Thread.sleep(300);
      reader.interrupt();
      reader.join(5_000);

      assertThat(reader.isAlive()).isFalse();
      assertThat(outcome.get()).isNotNull();
      assertThat(outcome.get().kind()).isEqualTo(Failure.Kind.INTERRUPTED);
      assertThat(flagAfter.get()).isTrue();
      trickle.get(10, TimeUnit.SECONDS);
    }
  }

  /** Accepts one connection and writes a byte every 20 ms until the peer goes or 10 s pass. */
  private CompletableFuture<Void> trickle(ServerSocket listener) {
    return CompletableFuture.runAsync(
        () -> {
          try (Socket peer = listener.accept()) {
            OutputStream out = peer.getOutputStream();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < until && !release.await(20, TimeUnit.MILLISECONDS)) {
              out.write('x');
              out.flush();
            }
          } catch (IOException e) {
            // The reader went away.
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        },
        workers);
  }

  @Test
  void readToEnd_stopsAtTheLimitWithoutKeepingMore() throws IOException {
    Limited into = new Limited(10);

    assertThat(HttpBodies.readToEnd(new ByteArrayInputStream(new byte[10]), into)).isTrue();
    assertThat(into.size()).isEqualTo(10);

    Limited small = new Limited(10);
    assertThat(HttpBodies.readToEnd(new ByteArrayInputStream(new byte[11]), small)).isFalse();
    assertThat(small.size()).isZero();
  }

  @Test
  void readExactly_readsTheLengthOrFailsAtAnEarlyEnd() throws IOException {
    Limited into = new Limited(100);
    HttpBodies.readExactly(new ByteArrayInputStream("hello world".getBytes(UTF_8)), 5, into);

    assertThat(new String(into.toByteArray(), UTF_8)).isEqualTo("hello");
    assertThatThrownBy(
            () -> HttpBodies.readExactly(new ByteArrayInputStream(new byte[3]), 4, new Limited(9)))
        .isInstanceOf(EOFException.class)
        .hasMessage("the connection closed before the end of the body");
    assertThatThrownBy(
            () -> HttpBodies.readExactly(new ByteArrayInputStream(new byte[9]), 9, new Limited(8)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void limited_fitsCountsWhatIsAlreadyKept() {
    Limited limited = new Limited(5);

    assertThat(limited.add(new byte[3], 0, 3)).isTrue();
    assertThat(limited.fits(2)).isTrue();
    assertThat(limited.fits(3)).isFalse();
    assertThat(limited.fits(-1)).isFalse();
    assertThat(limited.add(new byte[3], 0, 3)).isFalse();
    assertThat(limited.size()).isEqualTo(3);
    assertThat(new Limited(Long.MAX_VALUE).space()).isEqualTo(HttpBodies.MAX_ARRAY_BYTES);
    assertThatThrownBy(() -> new Limited(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void deadline_saturatesAndRemainingMillisFailsOncePassed() {
    assertThat(HttpBodies.remainingNanos(HttpBodies.deadline(Duration.ofSeconds(Long.MAX_VALUE))))
        .isGreaterThan(TimeUnit.DAYS.toNanos(365 * 100));
    assertThat(HttpBodies.remainingNanos(HttpBodies.deadline(Duration.ofSeconds(-1)))).isZero();
    assertThatThrownBy(() -> HttpBodies.remainingMillis(System.nanoTime() - 1))
        .isInstanceOf(SocketTimeoutException.class);
  }

  @Test
  void failureOf_classifiesTheCauseChain() {
    assertThat(Failure.of(new IOException(new HttpTimeoutException("slow"))).kind())
        .isEqualTo(Failure.Kind.TIMEOUT);
    assertThat(Failure.of(new java.net.http.HttpConnectTimeoutException("slow")).kind())
        .isEqualTo(Failure.Kind.CONNECT_TIMEOUT);
    assertThat(Failure.of(new java.net.ConnectException("refused")).kind())
        .isEqualTo(Failure.Kind.IO_ERROR);
    assertThat(Failure.of(new java.nio.channels.ClosedByInterruptException()).kind())
        .isEqualTo(Failure.Kind.INTERRUPTED);
    assertThatThrownBy(() -> Failure.of(new IllegalStateException("bug")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void isRetryableStatus_is429And5xx() {
    assertThat(HttpBodies.isRetryableStatus(429)).isTrue();
    assertThat(HttpBodies.isRetryableStatus(500)).isTrue();
    assertThat(HttpBodies.isRetryableStatus(599)).isTrue();
    assertThat(HttpBodies.isRetryableStatus(0)).isFalse();
    assertThat(HttpBodies.isRetryableStatus(200)).isFalse();
    assertThat(HttpBodies.isRetryableStatus(404)).isFalse();
    assertThat(HttpBodies.isRetryableStatus(600)).isFalse();
  }
}
