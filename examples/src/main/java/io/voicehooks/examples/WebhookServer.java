package io.voicehooks.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.voicehooks.agni.AgniWebhookParser;
import io.voicehooks.agntix.AgntixWebhookParser;
import io.voicehooks.cllr.CllrWebhookParser;
import io.voicehooks.core.SharedSecretVerifier;
import io.voicehooks.core.SignatureVerifier;
import io.voicehooks.core.WebhookEvent;
import io.voicehooks.core.WebhookHandler;
import io.voicehooks.core.WebhookHeaders;
import io.voicehooks.core.WebhookParser;
import io.voicehooks.core.WebhookResponse;
import io.voicehooks.core.WebhookVerificationException;
import io.voicehooks.core.WebhookVerificationException.Reason;
import io.voicehooks.jdbc.JdbcInbox;
import io.voicehooks.vaani.VaaniWebhookParser;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code serve} receiver: all four providers on the JDK's own {@code HttpServer}, no framework.
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
 * /webhooks/cllr}, and {@code GET /health}. Each webhook route hands the raw body and the headers
 * to a {@link WebhookHandler} and copies its answer (status, content type, body) back unchanged.
 *
 * <p>In memory mode (the default) each handler verifies, parses, de-duplicates in memory and calls
 * the callback on the request thread. In durable mode ({@link ServerConfig#jdbcUrl()} set) each
 * route stores verified deliveries in a {@link JdbcInbox} (tables {@code voicehooks_inbox_agni} and
 * so on) before answering 200, and the inbox's workers call the callback; several replicas can
 * share the database. Logs never contain a payload, a header value or a secret.
 */
public final class WebhookServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookServer.class);
  private static final String JSON = "application/json";

  static {
    // The JDK's server sends a response's headers and body in separate writes; with Nagle's
    // algorithm and the client's delayed ACK each answer would then wait ~40 ms. Read once, when
    // the first HttpServer is created: -Dsun.net.httpserver.nodelay=false still wins.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  private final ThreadPoolExecutor executor;
  private final List<WebhookHandler> handlers = new ArrayList<>();
  private final List<JdbcInbox<?>> inboxes = new ArrayList<>();
  private final @Nullable HikariDataSource dataSource;
  private final AtomicInteger inFlight = new AtomicInteger();
  private volatile boolean stopping;
  private boolean stopped;

  private WebhookServer(
      ServerConfig config, InetSocketAddress address, BiConsumer<String, WebhookEvent> onEvent)
      throws IOException {
    this.dataSource = config.jdbcUrl() != null ? dataSource(config.jdbcUrl()) : null;
    try {
      server = HttpServer.create(address, 0);
      route("agni", agniParser(config), null, onEvent);
      route("vaani", VaaniWebhookParser.create(), bearer(config.vaaniSharedSecret()), onEvent);
      if (config.agntixSecret() != null) {
        route("agntix", AgntixWebhookParser.create(config.agntixSecret()), null, onEvent);
      } else {
        LOG.warn(
            "AGNTIX_WEBHOOK_SECRET is not set: POST /webhooks/agntix answers 401 to every"
                + " delivery. Set it to the endpoint's signing secret (whsec_...) shown in the"
                + " Agntix dashboard.");
        rejectAgntix();
      }
      route("cllr", CllrWebhookParser.create(), bearer(config.cllrSharedSecret()), onEvent);
      server.createContext("/health", this::health);
      server.createContext("/", exchange -> answer(exchange, 404, "{\"error\":\"Not found\"}"));
    } catch (IOException | RuntimeException e) {
      inboxes.forEach(inbox -> inbox.stop(Duration.ZERO));
      if (dataSource != null) {
        dataSource.close();
      }
      throw e;
    }
    int threads = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    AtomicInteger number = new AtomicInteger();
    executor =
        new ThreadPoolExecutor(
            threads,
            threads,
            60,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(256),
            task -> new Thread(task, "voicehooks-http-" + number.incrementAndGet()),
            // When every thread is busy and the queue is full, the accepting thread runs the
            // request itself: that slows accepting down instead of dropping connections.
            new ThreadPoolExecutor.CallerRunsPolicy());
    executor.allowCoreThreadTimeOut(true);
    server.setExecutor(executor);
    server.start();
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

  private static AgniWebhookParser agniParser(ServerConfig config) {
    AgniWebhookParser.Builder agni = AgniWebhookParser.builder();
    if (config.agniOrgId() != null) {
      agni.expectedOrgId(config.agniOrgId());
    } else {
      LOG.warn("AGNI_ORG_ID is not set: Agni deliveries from any organisation are accepted");
    }
    return agni.build();
  }

  private static @Nullable SignatureVerifier bearer(@Nullable String secret) {
    return secret == null ? null : SharedSecretVerifier.bearer(secret);
  }

  private static HikariDataSource dataSource(String jdbcUrl) {
    HikariConfig pool = new HikariConfig();
    pool.setJdbcUrl(jdbcUrl);
    pool.setPoolName("voicehooks");
    pool.setMaximumPoolSize(16); // 4 routes x 2 inbox workers, plus the request threads
    return new HikariDataSource(pool);
  }

  private <E extends WebhookEvent> void route(
      String provider,
      WebhookParser<E> parser,
      @Nullable SignatureVerifier verifier,
      BiConsumer<String, WebhookEvent> onEvent) {
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
    if (verifier != null) {
      builder.verifier(verifier);
    }
    WebhookHandler handler = builder.build();
    handlers.add(handler);
    String path = "/webhooks/" + provider;
    server.createContext(path, exchange -> deliver(exchange, path, handler));
  }

  /** Without a secret nothing can be verified, so every Agntix delivery is refused. */
  private void rejectAgntix() {
    // The parser needs some secret; a random one that nobody knows, behind a check that fails first
    // with a message saying what is missing.
    byte[] unknown = new byte[24];
    new SecureRandom().nextBytes(unknown);
    AgntixWebhookParser parser =
        AgntixWebhookParser.create("whsec_" + Base64.getEncoder().encodeToString(unknown));
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
    server.createContext("/webhooks/agntix", e -> deliver(e, "/webhooks/agntix", handler));
  }

  private void deliver(HttpExchange exchange, String path, WebhookHandler handler)
      throws IOException {
    inFlight.incrementAndGet();
    try {
      if (!exchange.getRequestURI().getPath().equals(path)) {
        answer(exchange, 404, "{\"error\":\"Not found\"}");
        return;
      }
      if (!"POST".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", "POST");
        answer(exchange, 405, "{\"error\":\"Use POST\"}");
        return;
      }
      WebhookResponse answer;
      try {
        answer =
            handler.handle(
                WebhookHeaders.of(exchange.getRequestHeaders()), exchange.getRequestBody());
      } catch (RuntimeException e) {
        LOG.error("POST {} failed unexpectedly ({})", path, e.getClass().getName());
        answer(exchange, 500, "{\"error\":\"Internal error; retry later\"}");
        return;
      }
      if (answer.status() >= 400) {
        // The handler's error bodies name the failed check or field, never a value.
        LOG.info("POST {} -> {} {}", path, answer.status(), answer.body());
      } else {
        LOG.info("POST {} -> {} {}", path, answer.status(), answer.outcome());
      }
      exchange.getResponseHeaders().set("Content-Type", answer.contentType());
      send(exchange, answer.status(), answer.bodyBytes());
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private void health(HttpExchange exchange) throws IOException {
    String mode = dataSource != null ? "durable" : "memory";
    if (stopping) {
      answer(exchange, 503, "{\"status\":\"stopping\",\"mode\":\"" + mode + "\"}");
    } else if (dataSource != null && !databaseUp(dataSource)) {
      answer(exchange, 503, "{\"status\":\"database unavailable\",\"mode\":\"durable\"}");
    } else {
      answer(exchange, 200, "{\"status\":\"ok\",\"mode\":\"" + mode + "\"}");
    }
  }

  private static boolean databaseUp(HikariDataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  private static void answer(HttpExchange exchange, int status, String json) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", JSON);
    send(exchange, status, json.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    try (exchange;
        OutputStream out = exchange.getResponseBody()) {
      exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      out.write(body);
    }
  }

  /** {@return the port the receiver listens on} */
  public int port() {
    return server.getAddress().getPort();
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
    // Waiting happened above: with a delay, JDK 17's HttpServer.stop always waits all of it.
    server.stop(0);
    for (JdbcInbox<?> inbox : inboxes) {
      inbox.stop(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }
    executor.shutdown();
    try {
      executor.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
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
