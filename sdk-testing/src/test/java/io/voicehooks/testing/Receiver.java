package io.voicehooks.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.voicehooks.core.WebhookHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A JDK HttpServer on 127.0.0.1 and an ephemeral port whose routes record and answer requests. */
final class Receiver implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;
  private final AtomicInteger routes = new AtomicInteger();

  private Receiver(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  static Receiver start() throws IOException {
    // Without TCP_NODELAY the JDK server's split header/body writes meet the client's delayed ACK
    // and every exchange stalls for about 40 ms. Read once, when the server classes load.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    AtomicInteger threads = new AtomicInteger();
    ExecutorService executor =
        Executors.newFixedThreadPool(
            16,
            task -> {
              Thread thread = new Thread(task, "receiver-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(executor);
    server.start();
    return new Receiver(server, executor);
  }

  /** Adds a route at a fresh path whose answers come from the responder. */
  Route route(Responder responder) {
    String path = "/hooks/" + routes.incrementAndGet();
    Route route = new Route(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path));
    server.createContext(path, exchange -> route.handle(exchange, responder));
    return route;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /** One request as received; the target is the raw path and query of the request line. */
  record Received(String target, WebhookHeaders headers, byte[] body, Instant at) {
    String text() {
      return new String(body, UTF_8);
    }
  }

  /** An answer: status and body. */
  record Reply(int status, String body) {
    static Reply of(int status) {
      return new Reply(status, "{\"status\":" + status + "}");
    }
  }

  /** Decides the answer to the {@code index}-th request (0-based) of a route. */
  @FunctionalInterface
  interface Responder {
    Reply reply(Received request, int index) throws Exception;
  }

  /** The requests one path received. */
  static final class Route {
    final URI uri;
    private final List<Received> received = new ArrayList<>();

    Route(URI uri) {
      this.uri = uri;
    }

    synchronized List<Received> received() {
      return List.copyOf(received);
    }

    void handle(HttpExchange exchange, Responder responder) throws IOException {
      try (exchange) {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
          body = in.readAllBytes();
        }
        URI uri = exchange.getRequestURI();
        String target =
            uri.getRawQuery() == null
                ? uri.getRawPath()
                : uri.getRawPath() + "?" + uri.getRawQuery();
        Received request =
            new Received(
                target, WebhookHeaders.of(exchange.getRequestHeaders()), body, Instant.now());
        int index;
        synchronized (this) {
          index = received.size();
          received.add(request);
        }
        Reply reply;
        try {
          reply = responder.reply(request, index);
        } catch (Exception e) {
          reply = new Reply(599, e.toString());
        }
        byte[] bytes = reply.body().getBytes(UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        boolean empty = bytes.length == 0 || reply.status() == 204;
        exchange.sendResponseHeaders(reply.status(), empty ? -1 : bytes.length);
        if (!empty) {
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        }
      } catch (IOException clientGone) {
        // The simulator timed out and closed the connection; nothing to answer.
      }
    }
  }
}
