package io.voicehooks.servlet;

import jakarta.servlet.ServletContainerInitializer;
import java.time.Duration;
import java.util.Map;

/** An embedded servlet container on 127.0.0.1 and a free port, for one test. */
interface ServletContainer {
  /**
   * The socket receive buffer of accepted connections. Small, so that a body a test client writes
   * has to be read by the server to be written at all: left to itself, Linux grows a loopback
   * receive buffer to {@code net.ipv4.tcp_rmem}'s maximum (32 MiB here), which would take a whole
   * oversized body without the server reading a byte of it.
   */
  int RECEIVE_BUFFER_BYTES = 64 * 1024;

  /** {@return the container's name, for messages} */
  String name();

  /**
   * Starts the container with the servlets mapped at the root context.
   *
   * @param servlets URL patterns ({@code /webhooks/agni}, {@code /hooks/cllr/*}) to servlets
   * @param idleTimeout how long a connection may send nothing, a body included, before it is closed
   * @return the port it listens on
   * @throws Exception if it cannot start
   */
  int start(Map<String, WebhookServlet> servlets, Duration idleTimeout) throws Exception;

  /**
   * Starts the container with an initializer that registers servlets through the Servlet API, as a
   * web application does in any container.
   *
   * @param initializer registers the servlets in {@code onStartup}
   * @param idleTimeout how long a connection may send nothing before it is closed
   * @return the port it listens on
   * @throws Exception if it cannot start
   */
  int start(ServletContainerInitializer initializer, Duration idleTimeout) throws Exception;

  /**
   * Stops the container, which destroys its servlets; harmless when already stopped.
   *
   * @throws Exception if it cannot stop
   */
  void stop() throws Exception;
}
