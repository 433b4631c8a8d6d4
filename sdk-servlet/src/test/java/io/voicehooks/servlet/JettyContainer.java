package io.voicehooks.servlet;

import jakarta.servlet.ServletContainerInitializer;
import java.time.Duration;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.jspecify.annotations.Nullable;

/**
 * Embedded Jetty 12 (ee10, Servlet 6.0) with its defaults but the idle timeout and the socket
 * receive buffer.
 */
final class JettyContainer implements ServletContainer {
  private @Nullable Server server;

  @Override
  public String name() {
    return "Jetty " + Server.getVersion();
  }

  @Override
  public int start(Map<String, WebhookServlet> servlets, Duration idleTimeout) throws Exception {
    ServletContextHandler context = new ServletContextHandler();
    servlets.forEach((path, servlet) -> context.addServlet(new ServletHolder(servlet), path));
    return start(context, idleTimeout);
  }

  @Override
  public int start(ServletContainerInitializer initializer, Duration idleTimeout) throws Exception {
    ServletContextHandler context = new ServletContextHandler();
    context.addServletContainerInitializer(initializer);
    return start(context, idleTimeout);
  }

  private int start(ServletContextHandler context, Duration idleTimeout) throws Exception {
    Server jetty = new Server();
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    connector.setIdleTimeout(idleTimeout.toMillis());
    connector.setAcceptedReceiveBufferSize(RECEIVE_BUFFER_BYTES);
    jetty.addConnector(connector);
    jetty.setHandler(context);
    server = jetty;
    jetty.start();
    return connector.getLocalPort();
  }

  @Override
  public void stop() throws Exception {
    Server jetty = server;
    server = null;
    if (jetty != null) {
      jetty.stop();
    }
  }
}
