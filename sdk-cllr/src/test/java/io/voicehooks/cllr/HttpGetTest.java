package io.voicehooks.cllr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ProtocolException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HTTP/1.1 exchange against a raw socket on 127.0.0.1 that writes hand-made answers, for the
 * framings and malformations a JDK HttpServer never produces.
 */
final class HttpGetTest {
  private ServerSocket server;
  private CompletableFuture<String> request;

  @BeforeEach
  void open() throws IOException {
    server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
  }

  @AfterEach
  void close() throws IOException {
    server.close();
  }

  /** Accepts one connection, reads the request head, writes {@code answer} and closes. */
  private void answerWith(String answer) {
    request =
        CompletableFuture.supplyAsync(
            () -> {
              try (Socket socket = server.accept()) {
                String head = readHead(socket.getInputStream());
                OutputStream out = socket.getOutputStream();
                out.write(answer.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                return head;
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            });
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.write(b);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  private HttpGet.Response get(String pathAndQuery, long maxBytes) throws IOException {
    URI uri = URI.create("http://transcripts.test:" + server.getLocalPort() + pathAndQuery);
    return HttpGet.send(
        uri,
        List.of(InetAddress.getLoopbackAddress()),
        (SSLSocketFactory) SSLSocketFactory.getDefault(),
        System.nanoTime() + TimeUnit.SECONDS.toNanos(5),
        maxBytes);
  }

  private static String text(HttpGet.Response response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  @Test
  void send_writesAMinimalGetForTheUriHost() throws Exception {
    answerWith("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}");

    HttpGet.Response response = get("/t%20x.json?sig=a%2Bb&x=1", 100);

    assertThat(text(response)).isEqualTo("{}");
    assertThat(request.get(5, TimeUnit.SECONDS))
        .isEqualTo(
            "GET /t%20x.json?sig=a%2Bb&x=1 HTTP/1.1\r\n"
                + "Host: transcripts.test:"
                + server.getLocalPort()
                + "\r\n"
                + "Accept: application/json\r\n"
                + "User-Agent: voicehooks-cllr\r\n"
                + "Connection: close\r\n\r\n");
  }

  @Test
  void send_interimResponses_areSkipped() throws IOException {
    answerWith(
        "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n"
            + "HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\n[1] ");

    assertThat(text(get("/t.json", 100))).isEqualTo("[1] ");
  }

  @Test
  void send_bodyUntilClose_isRead() throws IOException {
    answerWith("HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n{\"a\": 1}");

    assertThat(text(get("/t.json", 100))).isEqualTo("{\"a\": 1}");
  }

  @Test
  void send_bodyUntilCloseOverTheLimit_isNull() throws IOException {
    answerWith("HTTP/1.1 200 OK\r\n\r\n" + "x".repeat(101));

    assertThat(get("/t.json", 100).body()).isNull();
  }

  @Test
  void send_chunkedWithExtensionsAndTrailers_isDecoded() throws IOException {
    answerWith(
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 999\r\n\r\n"
            + "4;name=value\r\n{\"a\"\r\n"
            + "9\r\n: [1, 2]}\r\n"
            + "0\r\nX-Checksum: abc\r\n\r\n");

    assertThat(text(get("/t.json", 100))).isEqualTo("{\"a\": [1, 2]}");
  }

  @Test
  void send_chunkedOverTheLimit_isNull() throws IOException {
    answerWith("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n40\r\n" + "x".repeat(64));

    assertThat(get("/t.json", 63).body()).isNull();
  }

  @Test
  void send_redirect_returnsStatusAndLocationWithoutReadingTheBody() throws IOException {
    answerWith("HTTP/1.1 302 Found\r\nLocation: /next.json\r\nContent-Length: 5\r\n\r\nhello");

    HttpGet.Response response = get("/t.json", 100);

    assertThat(response.status()).isEqualTo(302);
    assertThat(response.location()).isEqualTo("/next.json");
    assertThat(response.body()).isEmpty();
  }

  @Test
  void send_bodyShorterThanItsLength_isAnEofError() {
    answerWith("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n{}");

    assertThatThrownBy(() -> get("/t.json", 100))
        .isInstanceOf(IOException.class)
        .hasMessage("the connection closed before the end of the body");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SSH-2.0-OpenSSH_9.6\r\n\r\n",
        "HTTP/2 200\r\n\r\n",
        "HTTP/1.1 20 OK\r\n\r\n",
        "HTTP/1.1 abc OK\r\n\r\n",
        "HTTP/1.1 101 Switching Protocols\r\n\r\n",
        "HTTP/1.1 200 OK\r\nno colon here\r\n\r\n",
        "HTTP/1.1 200 OK\r\nX-A: 1\r\n folded\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}",
        "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n{}",
        "HTTP/1.1 200 OK\r\nContent-Length: 2, 3\r\n\r\n{}",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}xx0\r\n\r\n"
      })
  void send_malformedAnswer_isAProtocolError(String answer) {
    answerWith(answer);

    assertThatThrownBy(() -> get("/t.json", 100)).isInstanceOf(ProtocolException.class);
  }

  @Test
  void send_headerSectionPastTheLimit_isAProtocolError() {
    answerWith("HTTP/1.1 200 OK\r\n" + ("X-Filler: " + "y".repeat(1000) + "\r\n").repeat(70));

    assertThatThrownBy(() -> get("/t.json", 100))
        .isInstanceOf(ProtocolException.class)
        .hasMessage("the response's header section is too long");
  }

  @Test
  void send_noAnswer_isAnEofError() {
    answerWith("");

    assertThatThrownBy(() -> get("/t.json", 100))
        .isInstanceOf(IOException.class)
        .hasMessage("the server closed the connection without answering");
  }

  @Test
  void send_deadlineAlreadyPassed_timesOutWithoutConnecting() {
    URI uri = URI.create("http://transcripts.test:" + server.getLocalPort() + "/t.json");

    assertThatThrownBy(
            () ->
                HttpGet.send(
                    uri,
                    List.of(InetAddress.getLoopbackAddress()),
                    (SSLSocketFactory) SSLSocketFactory.getDefault(),
                    System.nanoTime() - 1,
                    100))
        .isInstanceOf(SocketTimeoutException.class);
  }
}
