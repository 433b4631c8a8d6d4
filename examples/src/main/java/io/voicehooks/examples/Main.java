package io.voicehooks.examples;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runnable jar's entry point: {@code java -jar examples/target/voicehooks-examples.jar
 * <command>}.
 *
 * <ul>
 *   <li>{@code demo}: the {@link Demo}: simulated deliveries of every provider to an in-process
 *       receiver, printed as tables; exits 0 when everything was answered as expected.
 *   <li>{@code serve [--port N] [--host H]}: the {@link WebhookServer} receiver, configured from
 *       environment variables ({@link ServerConfig}, {@link ServerLimits}), printing one JSON line
 *       per event on stdout ({@link EventJson}) and its logs on stderr. SIGTERM or Ctrl-C drains
 *       and stops it.
 * </ul>
 */
public final class Main {
  /** How long {@code serve} lets deliveries in progress finish when stopped. */
  static final Duration GRACE = Duration.ofSeconds(20);

  private static final String USAGE =
      String.join(
          System.lineSeparator(),
          "Usage: java -jar voicehooks-examples.jar <command>",
          "  demo                          simulated deliveries of every provider to an"
              + " in-process receiver",
          "  serve [--port N] [--host H]   receive webhooks (default 0.0.0.0:8080):",
          "        POST /webhooks/agni | /webhooks/vaani | /webhooks/agntix | /webhooks/cllr,"
              + " GET /health",
          "        environment: AGNI_ORG_ID, AGNTIX_WEBHOOK_SECRET, VAANI_URL_SECRET,"
              + " CLLR_URL_SECRET, VOICEHOOKS_JDBC_URL",
          "          (Vaani and cllr post to /webhooks/vaani?token=<URL secret>; comma-separate"
              + " old,new to rotate)",
          "        limits: VOICEHOOKS_IDLE_TIMEOUT (30s), VOICEHOOKS_HEADER_TIMEOUT (10s),"
              + " VOICEHOOKS_MIN_BODY_RATE (16KiB),",
          "          VOICEHOOKS_MAX_BODY_SIZE (4MiB), VOICEHOOKS_MAX_SWALLOW_SIZE (8MiB),"
              + " VOICEHOOKS_MAX_HEADER_SIZE (16KiB),",
          "          VOICEHOOKS_MAX_HEADER_COUNT (100), VOICEHOOKS_ACCEPT_QUEUE (1024),"
              + " VOICEHOOKS_MAX_THREADS (200)",
          "        stdout: one JSON line per event; stderr: logs");

  private Main() {}

  /**
   * Runs a command; see the class description.
   *
   * @param args the command and its options
   */
  public static void main(String[] args) {
    String command = args.length == 0 ? "help" : args[0];
    List<String> options = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
    switch (command) {
      case "demo":
        // The demo prints what happened itself; the handler's warning about the failure it
        // injects on purpose would only be noise. -Dorg.slf4j.simpleLogger.defaultLogLevel=info
        // shows every log.
        quietLogs();
        System.exit(Demo.run(System.out));
        break;
      case "serve":
        try {
          serve(ServeOptions.parse(options));
        } catch (IllegalArgumentException e) {
          System.err.println(e.getMessage());
          System.err.println(USAGE);
          System.exit(2);
        } catch (IOException | RuntimeException e) {
          LoggerFactory.getLogger(Main.class).error("Could not start the receiver", e);
          System.exit(1);
        }
        break; // the server's threads keep the JVM running until SIGTERM
      case "help":
      case "--help":
      case "-h":
        System.out.println(USAGE);
        break;
      default:
        System.err.println("Unknown command: " + command);
        System.err.println(USAGE);
        System.exit(2);
    }
  }

  private static void quietLogs() {
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
      System.setProperty("org.slf4j.simpleLogger.log.io.voicehooks.core.WebhookHandler", "error");
    }
  }

  private static void serve(ServeOptions options) throws IOException {
    Logger log = LoggerFactory.getLogger(Main.class);
    ServerConfig config = ServerConfig.fromEnvironment(System.getenv());
    // JSON is UTF-8 whatever the platform's locale says; System.out would follow the locale.
    PrintStream stdout =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    WebhookServer server =
        WebhookServer.start(
            config,
            new InetSocketAddress(options.host(), options.port()),
            EventJson.printingTo(stdout));
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> server.stop(GRACE), "voicehooks-shutdown"));
    log.info(
        "Receiving on http://{}:{}/webhooks/{agni,vaani,agntix,cllr} ({} mode; {}); SIGTERM or"
            + " Ctrl-C stops",
        options.host(),
        server.port(),
        config.jdbcUrl() != null ? "durable" : "memory",
        config);
  }

  /**
   * The options of {@code serve}.
   *
   * @param host the interface to listen on
   * @param port the port, 0 for any free one
   */
  record ServeOptions(String host, int port) {
    static ServeOptions parse(List<String> args) {
      String host = "0.0.0.0";
      int port = 8080;
      for (int i = 0; i < args.size(); i++) {
        String name = args.get(i);
        if (i + 1 >= args.size()) {
          throw new IllegalArgumentException("Missing value after " + name);
        }
        String value = args.get(++i);
        switch (name) {
          case "--port":
            try {
              port = Integer.parseInt(value);
            } catch (NumberFormatException e) {
              port = -1;
            }
            if (port < 0 || port > 65535) {
              throw new IllegalArgumentException("--port must be a number from 0 to 65535");
            }
            break;
          case "--host":
            host = value;
            break;
          default:
            throw new IllegalArgumentException("Unknown option: " + name);
        }
      }
      return new ServeOptions(host, port);
    }
  }
}
