package io.voicehooks.servlet;

import jakarta.servlet.ServletContainerInitializer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.util.ServerInfo;
import org.jspecify.annotations.Nullable;

/**
 * Embedded Tomcat 11 (Servlet 6.1). {@link #recommended()} sets {@code continueResponseTiming} to
 * {@code onRead}, so that {@code 100 Continue} is sent only when the servlet reads the body; {@link
 * #withDefaults()} keeps Tomcat's default, {@code immediately}.
 */
final class TomcatContainer implements ServletContainer {
  /** Held so that the level set on it is not lost to garbage collection. */
  private static final Logger TOMCAT_LOG = Logger.getLogger("org.apache");

  static {
    TOMCAT_LOG.setLevel(Level.WARNING); // no start and stop lines
  }

  private final boolean continueOnRead;
  private final boolean loadOnStartup;
  private @Nullable Tomcat tomcat;
  private @Nullable Path baseDir;

  private TomcatContainer(boolean continueOnRead, boolean loadOnStartup) {
    this.continueOnRead = continueOnRead;
    this.loadOnStartup = loadOnStartup;
  }

  /** {@return a Tomcat that sends {@code 100 Continue} only when the body is read} */
  static TomcatContainer recommended() {
    return new TomcatContainer(true, false);
  }

  /** {@return a Tomcat with its default {@code continueResponseTiming}, {@code immediately}} */
  static TomcatContainer withDefaults() {
    return new TomcatContainer(false, false);
  }

  /** {@return this Tomcat, but initialising every servlet at start ({@code loadOnStartup} 1)} */
  TomcatContainer loadingOnStartup() {
    return new TomcatContainer(continueOnRead, true);
  }

  @Override
  public String name() {
    return ServerInfo.getServerInfo() + (continueOnRead ? "" : " (default 100-continue timing)");
  }

  @Override
  public int start(Map<String, WebhookServlet> servlets, Duration idleTimeout) throws Exception {
    return start(
        context -> {
          int i = 0;
          for (Map.Entry<String, WebhookServlet> mapping : servlets.entrySet()) {
            String name = "webhooks-" + i++;
            Wrapper wrapper = Tomcat.addServlet(context, name, mapping.getValue());
            if (loadOnStartup) {
              wrapper.setLoadOnStartup(1);
            }
            context.addServletMapping(mapping.getKey(), name);
          }
        },
        idleTimeout);
  }

  @Override
  public int start(ServletContainerInitializer initializer, Duration idleTimeout) throws Exception {
    return start(context -> context.addServletContainerInitializer(initializer, null), idleTimeout);
  }

  private int start(Consumer<Context> setUp, Duration idleTimeout) throws Exception {
    Path dir = Files.createTempDirectory("voicehooks-tomcat");
    baseDir = dir;
    Tomcat server = new Tomcat();
    server.setBaseDir(dir.toString());
    Connector connector = new Connector();
    connector.setPort(0);
    connector.setProperty("address", "127.0.0.1");
    // Tomcat's idle timeout: how long it waits for bytes, request headers and body alike.
    connector.setProperty("connectionTimeout", Long.toString(idleTimeout.toMillis()));
    connector.setProperty("socket.rxBufSize", Integer.toString(RECEIVE_BUFFER_BYTES));
    if (continueOnRead) {
      connector.setProperty("continueResponseTiming", "onRead");
    }
    server.setConnector(connector);
    Context context = server.addContext("", null);
    // Nothing to look for when it stops, and both checks need --add-opens to look.
    ((StandardContext) context).setClearReferencesThreadLocals(false);
    ((StandardContext) context).setClearReferencesRmiTargets(false);
    setUp.accept(context);
    tomcat = server;
    server.start();
    return connector.getLocalPort();
  }

  @Override
  public void stop() throws Exception {
    Tomcat server = tomcat;
    tomcat = null;
    if (server != null) {
      server.stop();
      server.destroy();
    }
    Path dir = baseDir;
    baseDir = null;
    if (dir != null) {
      deleteRecursively(dir);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(path);
      }
    }
  }
}
