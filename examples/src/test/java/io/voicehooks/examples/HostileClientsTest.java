package io.voicehooks.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.voicehooks.fixtures.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code serve} against clients that are slow, oversized, impatient or not HTTP at all, over raw
 * sockets on 127.0.0.1. Each case hung, reset or went unanswered on the JDK {@code HttpServer} that
 * {@code serve} used before (issue 14). Timeouts are shortened so that each case ends in seconds;
 * assertions are about what the client sees, never about how fast.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
final class HostileClientsTest {
  /** Short, so that the slow cases end soon; long enough for a loaded machine to serve the rest. */
  private static final Duration HEADER_TIMEOUT = Duration.ofSeconds(2);

  /** How long a client waits for something that must happen: far beyond every server timeout. */
  private static final int PATIENCE_MILLIS = 15_000;

  private static final int MIB = 1 << 20;

  private final List<Socket> sockets = new ArrayList<>();
  private WebhookServer server;

  /** The default limits. */
  private void start() throws IOException {
    start(ServerLimits.defaults());
  }

  private void start(ServerLimits limits) throws IOException {
    server =
        WebhookServer.start(
            new ServerConfig(null, WebhookServerTest.SECRET, List.of(), List.of(), null)
                .withLimits(limits),
            new InetSocketAddress("127.0.0.1", 0),
            EventJson.printingTo(new PrintStream(new ByteArrayOutputStream(), true)));
  }

  /** Short header timeout and a minimum body rate a trickle fails; everything else default. */
  private void startImpatient() throws IOException {
    start(ServerLimits.defaults().withHeaderTimeout(HEADER_TIMEOUT).withMinBodyRate(1024));
  }

  @AfterEach
  void stop() {
    for (Socket socket : sockets) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // already gone
      }
    }
    if (server != null) {
      server.stop(Duration.ofSeconds(2));
    }
  }

  @Test
  void slowHeaders_200ConnectionsSendingOneByte_healthStillAnswers_andTheyAreClosed()
      throws Exception {
    startImpatient();
    List<Socket> slow = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      Socket socket = connect();
      socket.getOutputStream().write('P');
      slow.add(socket);
    }

    Answer health = exchange(connect(), "GET /health HTTP/1.1\r\nHost: x\r\n\r\n");

    assertThat(health.status()).isEqualTo(200);
    assertThat(health.body()).isEqualTo("{\"status\":\"ok\",\"mode\":\"memory\"}");
    for (Socket socket : slow) {
      // The idle timeout is the default 30 s, past PATIENCE: only the header timeout closes them.
      assertThat(closedBy(socket)).isTrue();
    }
  }

  @Test
  void slowHeaders_aByteEvery200Milliseconds_isClosedAfterTheHeaderTimeout() throws Exception {
    startImpatient();
    Socket socket = connect();
    OutputStream out = socket.getOutputStream();
    byte[] request = "POST /webhooks/agni HTTP/1.1\r\nHost: x\r\nX-Padding: ".getBytes(ascii());
    boolean closed = false;
    // 75 bytes over 15 s would keep a connection open forever under an idle timeout alone.
    for (int i = 0; i < PATIENCE_MILLIS / 200 && !closed; i++) {
      try {
        out.write(request[Math.min(i, request.length - 1)]);
        out.flush();
      } catch (SocketException e) {
        closed = true;
      }
      Thread.sleep(200);
      closed |= !socket.isClosed() && eofNow(socket);
    }

    assertThat(closed).isTrue();
  }

  @Test
  void slowBody_oneBytePer100Milliseconds_isAnswered408AndClosed() throws Exception {
    startImpatient();
    Socket socket = connect();
    OutputStream out = socket.getOutputStream();
    out.write(headers("POST /webhooks/agni", 1000, "Content-Type: application/json"));
    InputStream in = socket.getInputStream();
    // At 10 bytes/s the 1000-byte body would take 100 s; the limit is 1 KiB/s after 2 s.
    for (int i = 0; i < PATIENCE_MILLIS / 100 && in.available() == 0; i++) {
      try {
        out.write(' ');
        out.flush();
      } catch (SocketException e) {
        break; // closed after answering
      }
      Thread.sleep(100);
    }

    Answer answer = read(socket);

    assertThat(answer.status()).isEqualTo(408);
    assertThat(answer.header("connection")).isEqualToIgnoringCase("close");
    assertThat(answer.body()).contains("slower than 1024 bytes per second");
    assertThat(closedBy(socket)).isTrue();
  }

  @Test
  void oversizedBody_writtenWholeBeforeReading_isAnswered413NotReset() throws Exception {
    start();
    Socket socket = connect();
    OutputStream out = socket.getOutputStream();

    // As Python's http.client and many provider SDKs do: every byte out, then read.
    out.write(headers("POST /webhooks/vaani", 5 * MIB, "Content-Type: application/json"));
    out.write(new byte[5 * MIB]);
    out.flush();
    Answer answer = read(socket);

    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.body()).isEqualTo("{\"error\":\"Body exceeds the limit of 4194304 bytes\"}");
    assertThat(closedBy(socket)).isTrue();
  }

  @Test
  void oversizedChunkedBody_writtenWholeBeforeReading_isAnswered413NotReset() throws Exception {
    start();
    Socket socket = connect();
    OutputStream out = socket.getOutputStream();

    // No Content-Length: the limit is found while reading, then the rest is swallowed.
    out.write(headers("POST /webhooks/cllr", -1, "Transfer-Encoding: chunked"));
    byte[] chunk = new byte[MIB];
    for (int i = 0; i < 5; i++) {
      out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(ascii()));
      out.write(chunk);
      out.write("\r\n".getBytes(ascii()));
    }
    out.write("0\r\n\r\n".getBytes(ascii()));
    out.flush();
    Answer answer = read(socket);

    assertThat(answer.status()).isEqualTo(413);
    assertThat(closedBy(socket)).isTrue();
  }

  @Test
  void oversizedBody_declaredThenNeverSent_isAnswered413AndClosed() throws Exception {
    startImpatient();
    Socket socket = connect();

    socket.getOutputStream().write(headers("POST /webhooks/agni", 5 * MIB, ""));
    Answer answer = read(socket);

    assertThat(answer.status()).isEqualTo(413);
    // The server swallows what follows a 413, but not forever: the body rate check ends it.
    assertThat(closedBy(socket)).isTrue();
  }

  @Test
  void oversizedBody_withExpect100Continue_isAnswered413Without100() throws Exception {
    start();
    Socket socket = connect();

    socket
        .getOutputStream()
        .write(headers("POST /webhooks/agntix", 5 * MIB, "Expect: 100-continue"));
    Answer answer = read(socket);

    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.header("connection")).isEqualToIgnoringCase("close");
    assertThat(closedBy(socket)).isTrue();
  }

  @Test
  void expect100Continue_withinTheLimit_getsContinueAndIsProcessed() throws Exception {
    start();
    Socket socket = connect();
    byte[] body = Fixtures.bytes("cllr", "post_call.json");
    OutputStream out = socket.getOutputStream();

    out.write(headers("POST /webhooks/cllr", body.length, "Expect: 100-continue"));
    out.flush();
    String interim = readHead(socket.getInputStream());
    out.write(body);
    out.flush();
    Answer answer = read(socket);

    assertThat(interim).startsWith("HTTP/1.1 100");
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("{\"status\":\"ok\"}");
  }

  @Test
  void oneMebibyteHeader_isAnswered431() throws Exception {
    start();
    Socket socket = connect();
    byte[] huge = new byte[MIB];
    Arrays.fill(huge, (byte) 'a');

    // Jetty answers as soon as the limit is passed and closes; the rest of the write may fail.
    Future<?> writing =
        writeInBackground(socket, concat(headers("GET /health", -1, "X-Big: "), huge, "\r\n\r\n"));
    Answer answer = read(socket);
    writing.cancel(true);

    assertThat(answer.status()).isIn(431, 400);
    assertThat(answer.header("content-type")).isEqualTo("application/json");
  }

  @Test
  void thousandHeaderFields_areAnswered431() throws Exception {
    start();
    Socket socket = connect();
    StringBuilder fields = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      fields.append("X-").append(i).append(": v\r\n");
    }
    byte[] body = Fixtures.bytes("cllr", "post_call.json");

    // About 10 KB: under the header size limit, over the count limit of 100.
    socket
        .getOutputStream()
        .write(
            concat(
                ("POST /webhooks/cllr HTTP/1.1\r\nHost: x\r\nContent-Length: "
                        + body.length
                        + "\r\n"
                        + fields
                        + "\r\n")
                    .getBytes(ascii()),
                body,
                ""));
    Answer answer = read(socket);

    assertThat(answer.status()).isEqualTo(431);
    assertThat(answer.body()).contains("Too many header fields");
  }

  @Test
  void tlsClientHello_onThePlainPort_isAnswered400AndClosed() throws Exception {
    start();
    Socket socket = connect();

    socket.getOutputStream().write(clientHello());
    Answer answer = read(socket);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(closedBy(socket)).isTrue();
  }

  @Test
  void burstOf256Connections_allQueuedAtOnce_andAllAnswered() throws Exception {
    start();
    int count = 256;
    List<SocketChannel> burst = new ArrayList<>();
    int waiting = 0;
    try (Selector selector = Selector.open()) {
      // All 256 handshakes fired in one loop, faster than any server accepts them.
      for (int i = 0; i < count; i++) {
        SocketChannel channel = SocketChannel.open();
        burst.add(channel);
        channel.configureBlocking(false);
        if (!channel.connect(new InetSocketAddress("127.0.0.1", server.port()))) {
          channel.register(selector, SelectionKey.OP_CONNECT);
          waiting++;
        }
      }
      // On loopback a connection the kernel can queue completes at once. One whose SYN was dropped
      // because the listen backlog was full (50 on the JDK HttpServer) waits for the client to
      // resend it, one second later: the wait below ends before that.
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(900);
      while (waiting > 0 && System.nanoTime() < deadline) {
        selector.select(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        for (SelectionKey key : selector.selectedKeys()) {
          if (((SocketChannel) key.channel()).finishConnect()) {
            key.cancel();
            waiting--;
          }
        }
        selector.selectedKeys().clear();
      }
      selector.selectNow(); // deregisters the cancelled keys
    }
    assertThat(waiting).as("connections whose SYN was dropped").isZero();
    ExecutorService clients = Executors.newFixedThreadPool(32);
    try {
      List<CompletableFuture<Integer>> answers = new ArrayList<>();
      for (SocketChannel channel : burst) {
        channel.configureBlocking(true);
        Socket socket = channel.socket();
        sockets.add(socket);
        socket.setSoTimeout(PATIENCE_MILLIS);
        answers.add(
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    return exchange(socket, "GET /health HTTP/1.1\r\nHost: x\r\n\r\n").status();
                  } catch (IOException e) {
                    return -1;
                  }
                },
                clients));
      }

      assertThat(answers).extracting(CompletableFuture::join).containsOnly(200).hasSize(count);
    } finally {
      clients.shutdownNow();
    }
  }

  @Test
  void headerTimeout_doesNotCutARequestWhoseHeadersHaveArrived() throws Exception {
    startImpatient();
    Socket socket = connect();
    OutputStream out = socket.getOutputStream();
    byte[] piece = new byte[1024];
    Arrays.fill(piece, (byte) ' ');

    // Five pieces over about three seconds: past the header timeout, above the minimum rate.
    out.write(headers("POST /webhooks/agni", 5 * piece.length, ""));
    for (int i = 0; i < 5; i++) {
      out.write(piece);
      out.flush();
      Thread.sleep(600);
    }
    Answer answer = read(socket);

    assertThat(answer.status()).isEqualTo(400); // blanks are no JSON: the handler's answer
    assertThat(answer.body()).startsWith("{\"error\":");
  }

  @Test
  void keptAliveConnection_servesSeveralDeliveries() throws Exception {
    start();
    Socket socket = connect();
    byte[] body = Fixtures.bytes("vaani", "call_ended.json");

    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      socket
          .getOutputStream()
          .write(concat(headers("POST /webhooks/vaani", body.length, ""), body, ""));
      statuses.add(read(socket).status());
    }

    assertThat(statuses).containsExactly(200, 200, 200);
  }

  // Raw HTTP/1.1 over sockets.

  private Socket connect() throws IOException {
    Socket socket = new Socket();
    sockets.add(socket);
    socket.connect(new InetSocketAddress("127.0.0.1", server.port()), PATIENCE_MILLIS);
    socket.setSoTimeout(PATIENCE_MILLIS);
    return socket;
  }

  private static byte[] headers(String requestLine, long contentLength, String extra) {
    StringBuilder head = new StringBuilder(requestLine).append(" HTTP/1.1\r\nHost: x\r\n");
    if (contentLength >= 0) {
      head.append("Content-Length: ").append(contentLength).append("\r\n");
    }
    if (extra.endsWith(": ")) {
      return head.append(extra).toString().getBytes(ascii()); // the caller finishes the field
    }
    if (!extra.isEmpty()) {
      head.append(extra).append("\r\n");
    }
    return head.append("\r\n").toString().getBytes(ascii());
  }

  private static byte[] concat(byte[] first, byte[] second, String third) {
    byte[] end = third.getBytes(ascii());
    byte[] all = Arrays.copyOf(first, first.length + second.length + end.length);
    System.arraycopy(second, 0, all, first.length, second.length);
    System.arraycopy(end, 0, all, first.length + second.length, end.length);
    return all;
  }

  private static Answer exchange(Socket socket, String request) throws IOException {
    socket.getOutputStream().write(request.getBytes(ascii()));
    return read(socket);
  }

  /** A response's status, headers and body; fails the test on a timeout or a reset. */
  record Answer(int status, String head, String body) {
    String header(String name) {
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
          return line.substring(colon + 1).trim();
        }
      }
      return null;
    }
  }

  private static Answer read(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    String head = readHead(in);
    int status = Integer.parseInt(head.substring(9, 12));
    Answer headOnly = new Answer(status, head, "");
    String length = headOnly.header("content-length");
    byte[] body = length == null ? new byte[0] : in.readNBytes(Integer.parseInt(length));
    return new Answer(status, head, new String(body, StandardCharsets.UTF_8));
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      head.write(b);
      if (head.size() >= 4 && head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
        return head.toString(StandardCharsets.ISO_8859_1);
      }
    }
    throw new IOException("Closed before a response: " + head.size() + " bytes of head");
  }

  /**
   * {@return whether the server closes the connection (end of stream or reset) within the patience}
   * Anything still unread is discarded.
   */
  private static boolean closedBy(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    byte[] buffer = new byte[8192];
    try {
      while (in.read(buffer) != -1) {
        // discard
      }
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (SocketException e) {
      return true; // reset: closed too
    }
  }

  /** {@return whether the server has closed the connection, without waiting} */
  private static boolean eofNow(Socket socket) throws IOException {
    int timeout = socket.getSoTimeout();
    socket.setSoTimeout(1);
    try {
      return socket.getInputStream().read() == -1;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (SocketException e) {
      return true;
    } finally {
      socket.setSoTimeout(timeout);
    }
  }

  private static Future<?> writeInBackground(Socket socket, byte[] bytes) {
    ExecutorService writer = Executors.newSingleThreadExecutor();
    Future<?> writing =
        writer.submit(
            () -> {
              try {
                socket.getOutputStream().write(bytes);
              } catch (IOException expected) {
                // the server stopped reading and closed
              }
            });
    writer.shutdown();
    return writing;
  }

  /** The first bytes a TLS client sends: a real ClientHello from the JDK's own engine. */
  private static byte[] clientHello() throws Exception {
    SSLEngine engine = SSLContext.getDefault().createSSLEngine("localhost", 443);
    engine.setUseClientMode(true);
    ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
    SSLEngineResult result = engine.wrap(ByteBuffer.allocate(0), out);
    assertThat(result.bytesProduced()).isPositive();
    out.flip();
    byte[] hello = new byte[out.remaining()];
    out.get(hello);
    assertThat(hello[0]).isEqualTo((byte) 0x16); // handshake record
    return hello;
  }

  private static java.nio.charset.Charset ascii() {
    return StandardCharsets.US_ASCII;
  }
}
