package io.voicehooks.servlet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP/1.1 client over a plain socket, for what {@link java.net.http.HttpClient} does not let a
 * test control: {@code Expect: 100-continue}, writing a whole body before reading, chunks, and
 * seeing how the server ends the connection.
 */
final class RawHttp implements AutoCloseable {
  /** How long a client waits for something that must happen: far beyond every server timeout. */
  static final int PATIENCE_MILLIS = 20_000;

  /** How the server ended a connection, as the client sees it. */
  enum Closing {
    /** An orderly end of stream (FIN): everything the server sent could be read. */
    END_OF_STREAM,
    /** A reset (RST): what the server sent but the client had not read may be lost. */
    RESET,
    /** Still open after {@link #PATIENCE_MILLIS}. */
    STILL_OPEN
  }

  /**
   * One response: its status, its head as received and its body (by {@code Content-Length}).
   *
   * @param status the status code
   * @param head the status line and header fields, ending with a blank line
   * @param body the body, decoded as UTF-8
   */
  record Answer(int status, String head, String body) {
    /** {@return the value of the first header field with this name, or null} */
    @Nullable String header(String name) {
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
          return line.substring(colon + 1).trim();
        }
      }
      return null;
    }

    /** {@return how many header fields have this name} */
    long count(String name) {
      return Arrays.stream(head.split("\r\n"))
          .filter(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
          .count();
    }
  }

  private final Socket socket;
  private final ExecutorService writer =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "raw-http-writer");
            thread.setDaemon(true);
            return thread;
          });

  private RawHttp(Socket socket) {
    this.socket = socket;
  }

  static RawHttp connect(int port) throws IOException {
    Socket socket = new Socket();
    socket.setSendBufferSize(ServletContainer.RECEIVE_BUFFER_BYTES); // see RECEIVE_BUFFER_BYTES
    socket.connect(new InetSocketAddress("127.0.0.1", port), PATIENCE_MILLIS);
    socket.setSoTimeout(PATIENCE_MILLIS);
    return new RawHttp(socket);
  }

  /**
   * Returns a request head.
   *
   * @param method the method
   * @param target the request target
   * @param contentLength the {@code Content-Length}, or -1 for none
   * @param fields further header fields, such as {@code "Expect: 100-continue"}
   * @return the head's bytes, ending with a blank line
   */
  static byte[] head(String method, String target, long contentLength, String... fields) {
    StringBuilder head = new StringBuilder(method).append(' ').append(target);
    head.append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    if (contentLength >= 0) {
      head.append("Content-Length: ").append(contentLength).append("\r\n");
    }
    for (String field : fields) {
      head.append(field).append("\r\n");
    }
    return head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
  }

  /** {@return a chunked body of {@code chunks} chunks of {@code size} zero bytes, with its end} */
  static byte[] chunked(int chunks, int size) {
    ByteArrayOutputStream body = new ByteArrayOutputStream(chunks * (size + 16) + 5);
    byte[] chunk = new byte[size];
    for (int i = 0; i < chunks; i++) {
      body.writeBytes((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      body.writeBytes(chunk);
      body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    body.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    return body.toByteArray();
  }

  /** Writes bytes and flushes; what a client does whose write the server is expected to take. */
  void write(byte[]... parts) throws IOException {
    OutputStream out = socket.getOutputStream();
    for (byte[] part : parts) {
      out.write(part);
    }
    out.flush();
  }

  /**
   * Writes every byte before reading anything, as Python's {@code http.client} and many provider
   * SDKs do, and fails if the server neither takes them all nor ends the connection within the
   * patience (a server that stops reading leaves such a client blocked).
   *
   * @param parts what to write
   * @return null when every byte was written, else the failure the client saw (a reset, a broken
   *     pipe)
   */
  @Nullable IOException writeWholeBeforeReading(byte[]... parts) throws Exception {
    Future<?> writing =
        writer.submit(
            () -> {
              write(parts);
              return null;
            });
    try {
      writing.get(PATIENCE_MILLIS, TimeUnit.MILLISECONDS);
      return null;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException) {
        return (IOException) e.getCause();
      }
      throw e;
    } catch (TimeoutException e) {
      throw new AssertionError("The server neither read the body nor closed the connection", e);
    }
  }

  /** Sends a request without a body and reads its response. */
  Answer exchange(String method, String target) throws IOException {
    write(head(method, target, -1));
    return read();
  }

  /** Reads one response, an interim one ({@code 100 Continue}) included; fails on a reset. */
  Answer read() throws IOException {
    InputStream in = socket.getInputStream();
    String head = readHead(in);
    int status = Integer.parseInt(head.substring(9, 12));
    Answer headOnly = new Answer(status, head, "");
    String length = headOnly.header("Content-Length");
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
   * Reads until the server ends the connection, discarding what comes.
   *
   * @return how it ended
   */
  Closing awaitClose() throws IOException {
    InputStream in = socket.getInputStream();
    byte[] buffer = new byte[8192];
    try {
      while (in.read(buffer) != -1) {
        // discard
      }
      return Closing.END_OF_STREAM;
    } catch (SocketTimeoutException e) {
      return Closing.STILL_OPEN;
    } catch (SocketException e) {
      return Closing.RESET;
    }
  }

  @Override
  public void close() throws IOException {
    writer.shutdownNow();
    socket.close(); // also ends a write the server left blocked
  }
}
