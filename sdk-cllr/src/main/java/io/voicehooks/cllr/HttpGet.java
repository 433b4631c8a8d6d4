package io.voicehooks.cllr;

import io.voicehooks.core.internal.HttpBodies;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP/1.1 GET on a fresh connection to addresses that were already checked, then closed.
 *
 * <p>Why not {@code java.net.http.HttpClient}: it resolves the host itself, so the address it
 * connects to is not the address the policy checked, and a DNS answer that changes between the two
 * lookups (rebinding) would walk past the check. Here the socket connects to the checked {@link
 * InetAddress} itself, and for https the TLS layer is put on that socket with the URI's host name,
 * so SNI and certificate host name verification are the same as for any https client.
 *
 * <p>Deliberately small: GET only, {@code Connection: close}, no compression, no cookies, no
 * authentication, no redirects (the caller decides, after checking the next hop). The body is read
 * with a {@code Content-Length}, chunked, or up to the end of the connection, and never past the
 * size limit; every read is bounded by the one deadline ({@link HttpBodies}, the rules of every
 * VoiceHooks HTTP client). The socket is an NIO channel's, so an interrupt closes it and ends a
 * blocked read.
 */
final class HttpGet {
  /** The longest status line, header line or chunk-size line accepted. */
  private static final int MAX_LINE = 8 * 1024;

  /** The most header bytes accepted in one response, interim responses included. */
  private static final int MAX_HEADER_BYTES = 64 * 1024;

  private static final byte[] EMPTY = new byte[0];

  private HttpGet() {}

  /**
   * What the server answered.
   *
   * @param status the HTTP status code
   * @param location the {@code Location} header, or null
   * @param body the body for a 2xx answer (empty otherwise), or null when it exceeds the limit
   */
  record Response(int status, @Nullable String location, byte @Nullable [] body) {}

  /**
   * Sends a GET and reads the answer.
   *
   * @param uri the http or https URI; its host names the server for {@code Host}, SNI and the
   *     certificate check
   * @param addresses where to connect, in order until one accepts
   * @param tls the factory for https
   * @param deadline the {@link System#nanoTime()} by which everything must be done
   * @param maxBytes the largest body read
   * @return the answer
   * @throws SocketTimeoutException if the deadline passes
   * @throws IOException if connecting, TLS or the exchange fails, or the answer is not HTTP/1.x
   */
  static Response send(
      URI uri, List<InetAddress> addresses, SSLSocketFactory tls, long deadline, long maxBytes)
      throws IOException {
    boolean https = "https".equalsIgnoreCase(uri.getScheme());
    int defaultPort = https ? 443 : 80;
    int port = uri.getPort() == -1 ? defaultPort : uri.getPort();
    String host = uri.getHost();
    Socket socket = connect(addresses, port, deadline);
    Socket stream = socket;
    try {
      if (https) {
        String name = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        SSLSocket ssl = (SSLSocket) tls.createSocket(socket, name, port, true);
        stream = ssl;
        SSLParameters parameters = ssl.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        ssl.setSSLParameters(parameters);
        socket.setSoTimeout(HttpBodies.remainingMillis(deadline));
        ssl.startHandshake();
      }
      OutputStream out = stream.getOutputStream();
      out.write(request(uri, host, port == defaultPort ? "" : ":" + port));
      out.flush();
      InputStream in =
          new BufferedInputStream(
              HttpBodies.withDeadline(stream.getInputStream(), socket, deadline));
      return read(in, maxBytes);
    } finally {
      closeQuietly(stream);
      closeQuietly(socket);
    }
  }

  private static Socket connect(List<InetAddress> addresses, int port, long deadline)
      throws IOException {
    IOException failure = new IOException("no address to connect to");
    for (InetAddress address : addresses) {
      Socket socket = SocketChannel.open().socket();
      try {
        socket.connect(new InetSocketAddress(address, port), HttpBodies.remainingMillis(deadline));
        return socket;
      } catch (SocketTimeoutException e) {
        closeQuietly(socket);
        throw e;
      } catch (IOException e) {
        closeQuietly(socket);
        if (Thread.currentThread().isInterrupted()) {
          throw e;
        }
        failure = e; // refused or unreachable: try the next checked address
      }
    }
    throw failure;
  }

  private static byte[] request(URI uri, String host, String port) {
    URI ascii = URI.create(uri.toASCIIString());
    String path = ascii.getRawPath();
    String query = ascii.getRawQuery();
    String target =
        (path == null || path.isEmpty() ? "/" : path) + (query == null ? "" : "?" + query);
    String text =
        "GET "
            + target
            + " HTTP/1.1\r\n"
            + "Host: "
            + host
            + port
            + "\r\n"
            + "Accept: application/json\r\n"
            + "User-Agent: voicehooks-cllr\r\n"
            + "Connection: close\r\n"
            + "\r\n";
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /** Reads one response, skipping interim (1xx) ones. */
  private static Response read(InputStream in, long maxBytes) throws IOException {
    int[] headerBudget = {MAX_HEADER_BYTES};
    int status;
    Map<String, List<String>> headers;
    do {
      status = status(line(in, headerBudget, true));
      headers = headers(in, headerBudget);
    } while (status >= 100 && status < 200);
    List<String> location = headers.getOrDefault("location", List.of());
    @Nullable String redirect = location.isEmpty() ? null : location.get(0);
    if (status < 200 || status > 299 || status == 204 || status == 205) {
      return new Response(status, redirect, EMPTY);
    }
    List<String> codings = headers.getOrDefault("transfer-encoding", List.of());
    HttpBodies.Limited body = new HttpBodies.Limited(maxBytes);
    boolean complete;
    if (!codings.isEmpty()) {
      String last = codings.get(codings.size() - 1);
      String[] parts = last.split(",");
      boolean chunked = parts[parts.length - 1].trim().equalsIgnoreCase("chunked");
      complete = chunked ? chunked(in, body, headerBudget) : HttpBodies.readToEnd(in, body);
    } else {
      long length = contentLength(headers.getOrDefault("content-length", List.of()));
      if (length < 0) {
        complete = HttpBodies.readToEnd(in, body);
      } else if (body.fits(length)) {
        HttpBodies.readExactly(in, length, body);
        complete = true;
      } else {
        complete = false;
      }
    }
    return new Response(status, redirect, complete ? body.toByteArray() : null);
  }

  private static int status(String line) throws ProtocolException {
    // "HTTP/1.1 200 OK"; the reason phrase may be empty or missing.
    if (line.length() < 12
        || !line.startsWith("HTTP/1.")
        || line.charAt(8) != ' '
        || (line.length() > 12 && line.charAt(12) != ' ')) {
      throw new ProtocolException("not an HTTP/1.x status line");
    }
    int status = 0;
    for (int i = 9; i < 12; i++) {
      char c = line.charAt(i);
      if (c < '0' || c > '9') {
        throw new ProtocolException("not an HTTP/1.x status line");
      }
      status = status * 10 + (c - '0');
    }
    if (status < 100 || status == 101) {
      throw new ProtocolException("unexpected HTTP status " + status);
    }
    return status;
  }

  private static Map<String, List<String>> headers(InputStream in, int[] budget)
      throws IOException {
    Map<String, List<String>> headers = new HashMap<>();
    for (String line = line(in, budget, false); !line.isEmpty(); line = line(in, budget, false)) {
      int colon = line.indexOf(':');
      if (colon <= 0 || line.charAt(0) == ' ' || line.charAt(0) == '\t') {
        throw new ProtocolException("malformed header line"); // line folding included
      }
      String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      headers.computeIfAbsent(name, n -> new ArrayList<>(1)).add(line.substring(colon + 1).trim());
    }
    return headers;
  }

  private static long contentLength(List<String> values) throws ProtocolException {
    long length = -1;
    for (String value : values) {
      for (String part : value.split(",", -1)) {
        long parsed = digits(part.trim());
        if (parsed < 0 || (length >= 0 && parsed != length)) {
          throw new ProtocolException("invalid Content-Length");
        }
        length = parsed;
      }
    }
    return length;
  }

  /** {@return the value of 1 to 18 decimal digits, or -1} */
  private static long digits(String text) {
    if (text.isEmpty() || text.length() > 18) {
      return -1;
    }
    long value = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /** Decodes a chunked body; false as soon as a chunk would pass the limit. */
  private static boolean chunked(InputStream in, HttpBodies.Limited body, int[] budget)
      throws IOException {
    // Chunk-size lines are capped one by one, not against the header budget: a body may come in
    // many small chunks. The size limit and the deadline bound the whole.
    int[] unlimited = {Integer.MAX_VALUE};
    while (true) {
      String line = line(in, unlimited, false);
      int semicolon = line.indexOf(';');
      String hex = (semicolon < 0 ? line : line.substring(0, semicolon)).trim();
      if (hex.isEmpty() || hex.length() > 15) {
        throw new ProtocolException("invalid chunk size");
      }
      long size;
      try {
        size = Long.parseLong(hex, 16);
      } catch (NumberFormatException e) {
        throw new ProtocolException("invalid chunk size");
      }
      if (size < 0) {
        throw new ProtocolException("invalid chunk size");
      }
      if (size == 0) {
        headers(in, budget); // trailers, ignored
        return true;
      }
      if (!body.fits(size)) {
        return false;
      }
      HttpBodies.readExactly(in, size, body);
      if (!line(in, unlimited, false).isEmpty()) {
        throw new ProtocolException("chunk not followed by CRLF");
      }
    }
  }

  /**
   * Reads one line, without its CR LF, as ISO-8859-1.
   *
   * @param budget the header bytes still allowed, decreased by what is read
   * @param first whether the line starts the response, where an immediate end of stream means the
   *     server answered nothing
   */
  private static String line(InputStream in, int[] budget, boolean first) throws IOException {
    StringBuilder line = new StringBuilder(64);
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException(
            first && line.length() == 0
                ? "the server closed the connection without answering"
                : "the connection closed in the middle of a line");
      }
      if (--budget[0] < 0 || line.length() >= MAX_LINE) {
        throw new ProtocolException("the response's header section is too long");
      }
      if (b == '\n') {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
          line.setLength(end - 1);
        }
        return line.toString();
      }
      line.append((char) b);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // Nothing more to do with it.
    }
  }
}
