package io.voicehooks.jdbc;

import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A server the tests need from outside the JVM (PostgreSQL today, Redis tomorrow), named by an
 * environment variable, and the one rule for when it is missing: in CI ({@code CI=true}) the test
 * FAILS, saying why, since a database the project's own script could not start is a broken build;
 * anywhere else the test is skipped, saying why, and counted as skipped. Call {@link #require()}
 * from each test or {@code @BeforeEach}, never from {@code @BeforeAll}: JUnit drops a class whose
 * {@code @BeforeAll} is skipped from the counts ("Tests run: 0").
 *
 * <p>Other modules reach it through {@link Postgres#url()} in this module's test-jar.
 */
final class ExternalService {
  /** Checks that the service named by a URL answers; throws when it does not. */
  @FunctionalInterface
  interface Probe {
    void check(String url) throws Exception;
  }

  private final String name;
  private final boolean ci;
  private final @Nullable String url;
  private final @Nullable String problem;

  private ExternalService(String name, boolean ci, @Nullable String url, @Nullable String problem) {
    this.name = name;
    this.ci = ci;
    this.url = url;
    this.problem = problem;
  }

  /**
   * Reads the service's URL from the process environment and probes it once.
   *
   * @param name what the service is, for messages ("PostgreSQL")
   * @param variable the environment variable holding its URL
   * @param howToStart how a developer or CI gets one, for messages
   * @param probe connects to the URL; throws when it cannot
   * @return the service, available or not
   */
  static ExternalService fromEnvironment(
      String name, String variable, String howToStart, Probe probe) {
    return from(System.getenv(), name, variable, howToStart, probe);
  }

  /** As {@link #fromEnvironment}, from the given environment (for the rule's own tests). */
  static ExternalService from(
      Map<String, String> environment,
      String name,
      String variable,
      String howToStart,
      Probe probe) {
    boolean ci = "true".equalsIgnoreCase(Objects.toString(environment.get("CI"), "").trim());
    String url = environment.get(variable);
    if (url == null || url.isBlank()) {
      return new ExternalService(
          name, ci, null, variable + " is not set: " + howToStart + " and export " + variable);
    }
    try {
      probe.check(url);
    } catch (Exception e) {
      return new ExternalService(
          name,
          ci,
          null,
          variable
              + " names a "
              + name
              + " that cannot be reached ("
              + e.getClass().getName()
              + ": "
              + e.getMessage()
              + "): "
              + howToStart);
    }
    return new ExternalService(name, ci, url, null);
  }

  /** {@return whether the service answered the probe} */
  boolean available() {
    return url != null;
  }

  /**
   * Returns the service's URL; when there is none, fails the calling test in CI and skips it
   * elsewhere, with the reason either way.
   *
   * @return the URL of a service that answered the probe
   */
  String require() {
    if (url != null) {
      return url;
    }
    if (ci) {
      return Assertions.fail(
          name + " is required in CI (CI=true) but unavailable, so this test FAILS: " + problem);
    }
    return Assumptions.abort(name + " unavailable, test skipped (in CI it would fail): " + problem);
  }
}
