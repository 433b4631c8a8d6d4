package io.voicehooks.examples;

import io.voicehooks.core.JsonLimits;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The timeouts and size limits of the {@code serve} receiver, each with a default that suits a
 * webhook endpoint on the public internet and an environment variable that overrides it.
 *
 * <table>
 *   <caption>Limits, defaults and environment variables</caption>
 *   <tr><th>variable</th><th>default</th><th>effect</th></tr>
 *   <tr><td>{@code VOICEHOOKS_IDLE_TIMEOUT}</td><td>30s</td><td>a connection on which no byte
 *       moves for this long is closed (a request stalled mid-body gets 408 first)</td></tr>
 *   <tr><td>{@code VOICEHOOKS_HEADER_TIMEOUT}</td><td>10s</td><td>a request's headers must be
 *       complete this long after the connection opened, or after the previous response on a
 *       kept-alive connection; otherwise the connection is closed</td></tr>
 *   <tr><td>{@code VOICEHOOKS_MIN_BODY_RATE}</td><td>16KiB (per second)</td><td>after the
 *       headers, a body gets the header timeout to get going and must then average at least this
 *       many bytes per second, else 408 and close; 0 turns the check off</td></tr>
 *   <tr><td>{@code VOICEHOOKS_MAX_BODY_SIZE}</td><td>4MiB</td><td>larger bodies get 413; a
 *       {@code Content-Length} over it is refused before any of the body is read (and without
 *       {@code 100 Continue})</td></tr>
 *   <tr><td>{@code VOICEHOOKS_MAX_SWALLOW_SIZE}</td><td>8MiB</td><td>after a 413, a body up to
 *       this size is read and discarded so that a client that writes its whole body before reading
 *       sees the 413; past it the connection is closed at once (such a client may see a
 *       reset)</td></tr>
 *   <tr><td>{@code VOICEHOOKS_MAX_HEADER_SIZE}</td><td>16KiB</td><td>request line and headers
 *       together; larger gets 431</td></tr>
 *   <tr><td>{@code VOICEHOOKS_MAX_HEADER_COUNT}</td><td>100</td><td>more header fields get
 *       431</td></tr>
 *   <tr><td>{@code VOICEHOOKS_ACCEPT_QUEUE}</td><td>1024</td><td>the listen backlog: connections
 *       the kernel completes before the server accepts them (capped by the OS, {@code
 *       net.core.somaxconn} on Linux)</td></tr>
 *   <tr><td>{@code VOICEHOOKS_MAX_THREADS}</td><td>200</td><td>platform threads that run
 *       requests; on JDK 21 and later requests run on virtual threads instead</td></tr>
 * </table>
 *
 * <p>Durations are written {@code 500ms}, {@code 30s} or {@code 2m} (a bare number is seconds);
 * sizes {@code 16384}, {@code 16KiB} or {@code 4MiB}. Waiting for headers or a body costs no
 * thread: only a request whose body has arrived holds one.
 *
 * <p>Instances are immutable; change one setting with its {@code with...} method.
 *
 * @param idleTimeout how long a connection may stay silent
 * @param headerTimeout how long a request's headers may take
 * @param minBodyRate the least average body rate in bytes per second, 0 for no check
 * @param maxBodyBytes the largest body accepted: read by the server, and set in every parser's
 *     {@code JsonLimits}, which the handlers read it from
 * @param maxSwallowBytes the largest refused body still read to its end before closing
 * @param maxHeaderBytes the largest request line plus headers
 * @param maxHeaderCount the most header fields in one request
 * @param acceptQueueSize the listen backlog
 * @param maxThreads the most platform threads running requests
 */
public record ServerLimits(
    Duration idleTimeout,
    Duration headerTimeout,
    long minBodyRate,
    long maxBodyBytes,
    long maxSwallowBytes,
    int maxHeaderBytes,
    int maxHeaderCount,
    int acceptQueueSize,
    int maxThreads) {

  private static final ServerLimits DEFAULTS =
      new ServerLimits(
          Duration.ofSeconds(30),
          Duration.ofSeconds(10),
          16 << 10,
          JsonLimits.defaults().maxBodyBytes(),
          8 << 20,
          16 << 10,
          100,
          1024,
          200);

  /** Checks every limit; each message names the limit, never a configured value. */
  public ServerLimits {
    Objects.requireNonNull(idleTimeout, "idleTimeout == null");
    Objects.requireNonNull(headerTimeout, "headerTimeout == null");
    positive(idleTimeout, "idleTimeout");
    positive(headerTimeout, "headerTimeout");
    if (minBodyRate < 0) {
      throw new IllegalArgumentException("minBodyRate must be 0 (no check) or more");
    }
    if (maxBodyBytes < 1 || maxBodyBytes > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("maxBodyBytes must be between 1 and 2^31 - 9");
    }
    if (maxSwallowBytes < 0) {
      throw new IllegalArgumentException("maxSwallowBytes must be 0 or more");
    }
    if (maxHeaderBytes < 1024 || maxHeaderBytes > (1 << 20)) {
      throw new IllegalArgumentException("maxHeaderBytes must be between 1 KiB and 1 MiB");
    }
    if (maxHeaderCount < 1) {
      throw new IllegalArgumentException("maxHeaderCount must be at least 1");
    }
    if (acceptQueueSize < 1) {
      throw new IllegalArgumentException("acceptQueueSize must be at least 1");
    }
    if (maxThreads < 16) {
      // Jetty keeps threads for accepting and selecting; fewer would leave none for requests.
      throw new IllegalArgumentException("maxThreads must be at least 16");
    }
  }

  /** {@return the defaults given in the class description} */
  public static ServerLimits defaults() {
    return DEFAULTS;
  }

  /**
   * Reads the limits from environment variables; unset or blank ones keep their default.
   *
   * @param env the environment, such as {@code System.getenv()}
   * @return the limits
   * @throws IllegalArgumentException naming the variable, if a value cannot be read or is out of
   *     range
   */
  public static ServerLimits fromEnvironment(Map<String, String> env) {
    Objects.requireNonNull(env, "env == null");
    ServerLimits d = DEFAULTS;
    return new ServerLimits(
        duration(env, "VOICEHOOKS_IDLE_TIMEOUT", d.idleTimeout),
        duration(env, "VOICEHOOKS_HEADER_TIMEOUT", d.headerTimeout),
        size(env, "VOICEHOOKS_MIN_BODY_RATE", d.minBodyRate),
        size(env, "VOICEHOOKS_MAX_BODY_SIZE", d.maxBodyBytes),
        size(env, "VOICEHOOKS_MAX_SWALLOW_SIZE", d.maxSwallowBytes),
        (int)
            Math.min(Integer.MAX_VALUE, size(env, "VOICEHOOKS_MAX_HEADER_SIZE", d.maxHeaderBytes)),
        count(env, "VOICEHOOKS_MAX_HEADER_COUNT", d.maxHeaderCount),
        count(env, "VOICEHOOKS_ACCEPT_QUEUE", d.acceptQueueSize),
        count(env, "VOICEHOOKS_MAX_THREADS", d.maxThreads));
  }

  /**
   * Returns these limits with another idle timeout.
   *
   * @param idleTimeout how long a connection may stay silent
   * @return the new limits
   */
  public ServerLimits withIdleTimeout(Duration idleTimeout) {
    return new ServerLimits(
        idleTimeout,
        headerTimeout,
        minBodyRate,
        maxBodyBytes,
        maxSwallowBytes,
        maxHeaderBytes,
        maxHeaderCount,
        acceptQueueSize,
        maxThreads);
  }

  /**
   * Returns these limits with another header timeout.
   *
   * @param headerTimeout how long a request's headers may take
   * @return the new limits
   */
  public ServerLimits withHeaderTimeout(Duration headerTimeout) {
    return new ServerLimits(
        idleTimeout,
        headerTimeout,
        minBodyRate,
        maxBodyBytes,
        maxSwallowBytes,
        maxHeaderBytes,
        maxHeaderCount,
        acceptQueueSize,
        maxThreads);
  }

  /**
   * Returns these limits with another minimum body rate.
   *
   * @param minBodyRate bytes per second, 0 for no check
   * @return the new limits
   */
  public ServerLimits withMinBodyRate(long minBodyRate) {
    return new ServerLimits(
        idleTimeout,
        headerTimeout,
        minBodyRate,
        maxBodyBytes,
        maxSwallowBytes,
        maxHeaderBytes,
        maxHeaderCount,
        acceptQueueSize,
        maxThreads);
  }

  /**
   * Returns these limits with another body size limit.
   *
   * @param maxBodyBytes the largest body accepted
   * @return the new limits
   */
  public ServerLimits withMaxBodyBytes(long maxBodyBytes) {
    return new ServerLimits(
        idleTimeout,
        headerTimeout,
        minBodyRate,
        maxBodyBytes,
        maxSwallowBytes,
        maxHeaderBytes,
        maxHeaderCount,
        acceptQueueSize,
        maxThreads);
  }

  /**
   * Returns these limits with another swallow limit.
   *
   * @param maxSwallowBytes the largest refused body still read to its end
   * @return the new limits
   */
  public ServerLimits withMaxSwallowBytes(long maxSwallowBytes) {
    return new ServerLimits(
        idleTimeout,
        headerTimeout,
        minBodyRate,
        maxBodyBytes,
        maxSwallowBytes,
        maxHeaderBytes,
        maxHeaderCount,
        acceptQueueSize,
        maxThreads);
  }

  /**
   * Returns these limits with another header size limit.
   *
   * @param maxHeaderBytes the largest request line plus headers
   * @return the new limits
   */
  public ServerLimits withMaxHeaderBytes(int maxHeaderBytes) {
    return new ServerLimits(
        idleTimeout,
        headerTimeout,
        minBodyRate,
        maxBodyBytes,
        maxSwallowBytes,
        maxHeaderBytes,
        maxHeaderCount,
        acceptQueueSize,
        maxThreads);
  }

  /**
   * Returns these limits with another header count limit.
   *
   * @param maxHeaderCount the most header fields in one request
   * @return the new limits
   */
  public ServerLimits withMaxHeaderCount(int maxHeaderCount) {
    return new ServerLimits(
        idleTimeout,
        headerTimeout,
        minBodyRate,
        maxBodyBytes,
        maxSwallowBytes,
        maxHeaderBytes,
        maxHeaderCount,
        acceptQueueSize,
        maxThreads);
  }

  /**
   * Returns these limits with another listen backlog.
   *
   * @param acceptQueueSize the listen backlog
   * @return the new limits
   */
  public ServerLimits withAcceptQueueSize(int acceptQueueSize) {
    return new ServerLimits(
        idleTimeout,
        headerTimeout,
        minBodyRate,
        maxBodyBytes,
        maxSwallowBytes,
        maxHeaderBytes,
        maxHeaderCount,
        acceptQueueSize,
        maxThreads);
  }

  /**
   * Returns these limits with another thread limit.
   *
   * @param maxThreads the most platform threads running requests
   * @return the new limits
   */
  public ServerLimits withMaxThreads(int maxThreads) {
    return new ServerLimits(
        idleTimeout,
        headerTimeout,
        minBodyRate,
        maxBodyBytes,
        maxSwallowBytes,
        maxHeaderBytes,
        maxHeaderCount,
        acceptQueueSize,
        maxThreads);
  }

  private static void positive(Duration value, String name) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }

  private static Duration duration(Map<String, String> env, String name, Duration fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    String text = value.trim().toLowerCase(Locale.ROOT);
    try {
      if (text.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2).trim()));
      }
      if (text.endsWith("s")) {
        return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1).trim()));
      }
      if (text.endsWith("m")) {
        return Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1).trim()));
      }
      return Duration.ofSeconds(Long.parseLong(text));
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException(
          name + " must be a duration such as 500ms, 30s or 2m (a bare number is seconds)");
    }
  }

  private static long size(Map<String, String> env, String name, long fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    String text = value.trim().toLowerCase(Locale.ROOT);
    long unit = 1;
    if (text.endsWith("kib")) {
      unit = 1 << 10;
      text = text.substring(0, text.length() - 3).trim();
    } else if (text.endsWith("mib")) {
      unit = 1 << 20;
      text = text.substring(0, text.length() - 3).trim();
    }
    try {
      return Math.multiplyExact(Long.parseLong(text), unit);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException(
          name + " must be a size in bytes such as 16384, 16KiB or 4MiB");
    }
  }

  private static int count(Map<String, String> env, String name, int fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number");
    }
  }
}
