package io.voicehooks.examples;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.voicehooks.agni.AgniWebhookParser;
import io.voicehooks.agntix.AgntixWebhookParser;
import io.voicehooks.cllr.CllrWebhookParser;
import io.voicehooks.core.JsonLimits;
import io.voicehooks.core.SharedSecretVerifier;
import io.voicehooks.core.SignatureVerifier;
import io.voicehooks.core.WebhookEvent;
import io.voicehooks.core.WebhookHandler;
import io.voicehooks.core.WebhookParser;
import io.voicehooks.core.WebhookVerificationException;
import io.voicehooks.core.WebhookVerificationException.Reason;
import io.voicehooks.jdbc.JdbcInbox;
import io.voicehooks.vaani.VaaniWebhookParser;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code serve} receiver: all four providers on embedded Jetty 12 (its core {@code Handler}
 * API, no servlets), with timeouts and size limits for the public internet.
 *
 * <pre>{@code
 * WebhookServer server = WebhookServer.start(
 *     ServerConfig.fromEnvironment(System.getenv()),
 *     new InetSocketAddress(8080),
 *     EventJson.printingTo(System.out));            // called once per distinct event
 * Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(Duration.ofSeconds(20))));
 * }</pre>
 *
 * <p>Routes: {@code POST /webhooks/agni}, {@code /webhooks/vaani}, {@code /webhooks/agntix}, {@code
 * /webhooks/cllr}, and {@code GET /health}. Each webhook route hands the raw body, the headers and
 * the request target (path and query) to a {@link WebhookHandler} and copies its answer (status,
 * content type, body) back unchanged. Vaani and cllr, which take only a URL, authenticate with a
 * secret in its query ({@code /webhooks/vaani?token=<secret>}, {@link
 * ServerConfig#vaaniUrlSecrets()}); logs name the route, never the query.
 *
 * <p>In memory mode (the default) each handler verifies, parses, de-duplicates in memory and calls
 * the callback on the request thread. In durable mode ({@link ServerConfig#jdbcUrl()} set) each
 * route stores verified deliveries in a {@link JdbcInbox} (tables {@code voicehooks_inbox_agni} and
 * so on) before answering 200, and the inbox's workers call the callback; several replicas can
 * share the database. Logs never contain a payload, a header value or a secret.
 *
 * <p>Hostile or broken clients are bounded by {@link ServerConfig#limits()} ({@link ServerLimits}):
 * connections that stay silent, headers that take too long, bodies that trickle, oversized bodies
 * (413, answered so that a client that writes before it reads still sees it, and never after a
 * {@code 100 Continue}), oversized or too many headers (431), bytes that are not HTTP (400, as for
 * TLS sent to this plain-HTTP port). Connections waiting for bytes hold no thread, so slow clients
 * do not keep others from being served; the listen backlog is sized for bursts; requests run on
 * virtual threads on JDK 21 and later.
 */
public final class WebhookServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookServer.class);
  private static final String JSON = "application/json";

  /** The query parameter that carries the Vaani and cllr URL secrets. */
  static final String URL_SECRET_PARAMETER = "token";

  private final Server server;
  private final ServerConnector connector;
  private final int port;
  private final ServerLimits limits;
  private final Map<String, WebhookHandler> routes = new HashMap<>();
  private final List<WebhookHandler> handlers = new ArrayList<>();
  private final List<JdbcInbox<?>> inboxes = new ArrayList<>();
  private final @Nullable HikariDataSource dataSource;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final HeaderTimeouts headerTimeouts;
  private volatile boolean stopping;
  private boolean stopped;

  private WebhookServer(
      ServerConfig config, InetSocketAddress address, BiConsumer<String, WebhookEvent> onEvent)
      throws IOException {
    this.limits = config.limits();
    this.dataSource = config.jdbcUrl() != null ? dataSource(config.jdbcUrl()) : null;
    server = new Server(threadPool(limits));
    HttpConfiguration http = new HttpConfiguration();
    http.setRequestHeaderSize(limits.maxHeaderBytes());
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    connector = new ServerConnector(server, 1, -1, new HttpConnectionFactory(http));
    connector.setHost(
        address.getAddress() != null
            ? address.getAddress().getHostAddress()
            : address.getHostString());
    connector.setPort(address.getPort());
    connector.setIdleTimeout(limits.idleTimeout().toMillis());
    connector.setAcceptQueueSize(limits.acceptQueueSize());
    headerTimeouts = new HeaderTimeouts(server.getScheduler(), limits.headerTimeout());
    connector.addEventListener(headerTimeouts);
    server.addConnector(connector);
    server.setHandler(new Routes());
    server.setErrorHandler(new JsonErrorHandler());
    try {
      // The one body-size setting lives in each parser's JsonLimits; the handlers read it there.
      JsonLimits json =
          JsonLimits.defaults().withMaxBodyBytes(Math.toIntExact(limits.maxBodyBytes()));
      route("agni", agniParser(config, json), onEvent);
      VaaniWebhookParser.Builder vaani = VaaniWebhookParser.builder().limits(json);
      urlSecret("Vaani", "VAANI_URL_SECRET", config.vaaniUrlSecrets()).ifPresent(vaani::verifier);
      route("vaani", vaani.build(), onEvent);
      if (config.agntixSecret() != null) {
        route(
            "agntix",
            AgntixWebhookParser.builder().secret(config.agntixSecret()).limits(json).build(),
            onEvent);
      } else {
        LOG.warn(
            "AGNTIX_WEBHOOK_SECRET is not set: POST /webhooks/agntix answers 401 to every"
                + " delivery. Set it to the endpoint's signing secret (whsec_...) shown in the"
                + " Agntix dashboard.");
        rejectAgntix(json);
      }
      CllrWebhookParser.Builder cllr = CllrWebhookParser.builder().limits(json);
      urlSecret("cllr", "CLLR_URL_SECRET", config.cllrUrlSecrets()).ifPresent(cllr::verifier);
      route("cllr", cllr.build(), onEvent);
      server.start();
      port = connector.getLocalPort(); // Jetty forgets it once stopped
    } catch (Exception e) {
      try {
        server.stop();
      } catch (Exception suppressed) {
        e.addSuppressed(suppressed);
      }
      inboxes.forEach(inbox -> inbox.stop(Duration.ZERO));
      if (dataSource != null) {
        dataSource.close();
      }
      if (e instanceof IOException io) {
        throw io;
      }
      if (e instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IOException("The HTTP server could not start", e);
    }
  }

  /**
   * Jetty's pool: on JDK 21 and later it runs requests on virtual threads (its own platform threads
   * only select and accept); before, on up to {@link ServerLimits#maxThreads()} platform threads.
   */
  private static QueuedThreadPool threadPool(ServerLimits limits) {
    QueuedThreadPool pool = new QueuedThreadPool(limits.maxThreads(), 8, 60_000);
    pool.setName("voicehooks-http");
    if (VirtualThreads.areSupported()) {
      pool.setVirtualThreadsExecutor(
          VirtualThreads.getNamedVirtualThreadsExecutor("voicehooks-vt"));
    }
    return pool;
  }

  /**
   * Starts a receiver.
   *
   * @param config what to verify, and where to store deliveries in durable mode
   * @param address where to listen; port 0 picks a free port
   * @param onEvent called once per distinct event with the provider's name ({@code agni}, {@code
   *     vaani}, {@code agntix}, {@code cllr}) and the typed event; if it throws, the delivery is
   *     answered 500 (in durable mode, retried by the inbox) so that the provider retries
   * @return the running receiver
   * @throws IOException if the address cannot be bound
   */
  public static WebhookServer start(
      ServerConfig config, InetSocketAddress address, BiConsumer<String, WebhookEvent> onEvent)
      throws IOException {
    Objects.requireNonNull(config, "config == null");
    Objects.requireNonNull(address, "address == null");
    Objects.requireNonNull(onEvent, "onEvent == null");
    return new WebhookServer(config, address, onEvent);
  }

  private static AgniWebhookParser agniParser(ServerConfig config, JsonLimits json) {
    AgniWebhookParser.Builder agni = AgniWebhookParser.builder().limits(json);
    if (config.agniOrgId() != null) {
      agni.expectedOrgId(config.agniOrgId());
    } else {
      LOG.warn("AGNI_ORG_ID is not set: Agni deliveries from any organisation are accepted");
    }
    return agni.build();
  }

  /**
   * Vaani and cllr take only a URL, so their secret rides in its query: {@code
   * /webhooks/vaani?token=<secret>}. Without one, anybody who learns the URL can post.
   */
  private static Optional<SignatureVerifier> urlSecret(
      String provider, String variable, List<String> secrets) {
    if (secrets.isEmpty()) {
      LOG.warn(
          "{} is not set: POST /webhooks/{} accepts deliveries from anyone who knows the URL. Set"
              + " it to 32 random bytes, base64url-encoded, and give {} the URL"
              + " .../webhooks/{}?{}=<that secret>",
          variable,
          provider.toLowerCase(Locale.ROOT),
          provider,
          provider.toLowerCase(Locale.ROOT),
          URL_SECRET_PARAMETER);
      return Optional.empty();
    }
    return Optional.of(
        SharedSecretVerifier.queryParameter(URL_SECRET_PARAMETER, secrets.toArray(String[]::new)));
  }

  private static HikariDataSource dataSource(String jdbcUrl) {
    HikariConfig pool = new HikariConfig();
    pool.setJdbcUrl(jdbcUrl);
    pool.setPoolName("voicehooks");
    pool.setMaximumPoolSize(16); // 4 routes x 2 inbox workers, plus the request threads
    return new HikariDataSource(pool);
  }

  private <E extends WebhookEvent> void route(
      String provider, WebhookParser<E> parser, BiConsumer<String, WebhookEvent> onEvent) {
    Consumer<E> listener = event -> onEvent.accept(provider, event);
    WebhookHandler.Builder<E> builder;
    if (dataSource != null) {
      JdbcInbox<E> inbox =
          JdbcInbox.builder(dataSource, parser, listener)
              .table("voicehooks_inbox_" + provider)
              .build();
      inbox.createSchema();
      inbox.start();
      inboxes.add(inbox);
      builder = inbox.handlerBuilder();
    } else {
      builder = WebhookHandler.builder(parser).listener(listener);
    }
    WebhookHandler handler = builder.build();
    handlers.add(handler);
    routes.put("/webhooks/" + provider, handler);
  }

  /** Without a secret nothing can be verified, so every Agntix delivery is refused. */
  private void rejectAgntix(JsonLimits json) {
    // The parser needs some secret; a random one that nobody knows, behind a check that fails first
    // with a message saying what is missing.
    byte[] unknown = new byte[24];
    new SecureRandom().nextBytes(unknown);
    AgntixWebhookParser parser =
        AgntixWebhookParser.builder()
            .secret("whsec_" + Base64.getEncoder().encodeToString(unknown))
            .limits(json)
            .build();
    WebhookHandler handler =
        WebhookHandler.builder(parser)
            .verifier(
                request -> {
                  throw new WebhookVerificationException(
                      Reason.NO_MATCHING_SIGNATURE,
                      "No Agntix signing secret is configured on this receiver");
                })
            .listener(event -> {})
            .build();
    handlers.add(handler);
    routes.put("/webhooks/agntix", handler);
  }

  /** Routes each request; a webhook delivery goes on asynchronously in a {@link Delivery}. */
  private final class Routes extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      org.eclipse.jetty.io.Connection connection = request.getConnectionMetaData().getConnection();
      headerTimeouts.requestStarted(connection);
      Callback done =
          Callback.from(
              () -> {
                // Before Jetty reads the next request on this connection.
                headerTimeouts.requestFinished(connection);
                callback.succeeded();
              },
              callback::failed);
      String path = Request.getPathInContext(request);
      if (path.equals("/health")) {
        health(response, done);
        return true;
      }
      WebhookHandler handler = routes.get(path);
      if (handler == null) {
        answer(response, 404, "{\"error\":\"Not found\"}", done);
      } else if (!"POST".equals(request.getMethod())) {
        response.getHeaders().put(HttpHeader.ALLOW, "POST");
        answer(response, 405, "{\"error\":\"Use POST\"}", done);
      } else {
        inFlight.incrementAndGet();
        Callback counted = Callback.from(done, inFlight::decrementAndGet);
        new Delivery(request, response, counted, path, handler, limits, server.getScheduler())
            .start();
      }
      return true;
    }
  }

  private void health(Response response, Callback callback) {
    String mode = dataSource != null ? "durable" : "memory";
    if (stopping) {
      answer(response, 503, "{\"status\":\"stopping\",\"mode\":\"" + mode + "\"}", callback);
    } else if (dataSource != null && !databaseUp(dataSource)) {
      answer(response, 503, "{\"status\":\"database unavailable\",\"mode\":\"durable\"}", callback);
    } else {
      answer(response, 200, "{\"status\":\"ok\",\"mode\":\"" + mode + "\"}", callback);
    }
  }

  private static boolean databaseUp(HikariDataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  private static void answer(Response response, int status, String json, Callback callback) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  /**
   * Jetty's own error answers (a request it refuses before any route sees it: 400 for bytes that
   * are not HTTP, 431 for oversized headers, and so on) as JSON like the routes', naming the status
   * only: Jetty's detail message may quote what the client sent.
   */
  private static final class JsonErrorHandler extends ErrorHandler {
    @Override
    protected void generateResponse(
        Request request,
        Response response,
        int code,
        String message,
        Throwable cause,
        Callback callback) {
      answer(response, code, error(code), callback);
    }

    private static String error(int status) {
      String reason = HttpStatus.getMessage(status);
      return "{\"error\":\"" + (reason == null ? "Bad request" : reason) + "\"}";
    }
  }

  /** {@return the port the receiver listens on} */
  public int port() {
    return port;
  }

  /**
   * Returns the address of one of the receiver's paths on the loopback interface.
   *
   * @param path such as {@code /webhooks/agni}
   * @return {@code http://127.0.0.1:<port><path>}
   */
  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port() + path);
  }

  /**
   * Stops gracefully: the handlers stop accepting deliveries (new ones get 503, which providers
   * retry) and {@code /health} turns 503; deliveries in progress are given up to {@code grace} to
   * finish; then the server closes, the inbox workers finish the event in hand, and the pool
   * closes. Events an inbox had stored but not processed stay in the database for the next start.
   * Safe to call more than once.
   *
   * @param grace how long to wait for work in progress
   */
  public synchronized void stop(Duration grace) {
    Objects.requireNonNull(grace, "grace == null");
    if (stopped) {
      return;
    }
    stopped = true;
    stopping = true;
    long deadline = System.nanoTime() + grace.toNanos();
    LOG.info("Stopping: {} deliveries in progress", inFlight.get());
    handlers.forEach(WebhookHandler::close);
    while (inFlight.get() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    // Waiting happened above. Jetty's own graceful stop would wait on idle kept-alive
    // connections too, for nothing: close them now, as the JDK server's stop(0) did.
    server.setStopTimeout(0);
    try {
      server.stop();
    } catch (Exception e) {
      LOG.warn("The HTTP server did not stop cleanly ({})", e.getClass().getName());
    }
    for (JdbcInbox<?> inbox : inboxes) {
      inbox.stop(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }
    if (dataSource != null) {
      dataSource.close();
    }
    LOG.info("Stopped");
  }

  /** Stops with a grace period of ten seconds. */
  @Override
  public void close() {
    stop(Duration.ofSeconds(10));
  }
}
