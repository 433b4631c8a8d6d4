package io.voicehooks.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** The rule for a missing database: fail in CI, skip (counted) elsewhere, with the reason. */
final class ExternalServiceTest {
  private static final String VARIABLE = "VOICEHOOKS_JDBC_URL";

  private static ExternalService postgres(Map<String, String> environment) {
    return ExternalService.from(
        environment, "PostgreSQL", VARIABLE, "run scripts/start-postgres", Postgres::probe);
  }

  @Test
  void inCi_unset_failsSayingWhy() {
    ExternalService service = postgres(Map.of("CI", "true"));
    assertThat(service.available()).isFalse();
    assertThatThrownBy(service::require)
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("PostgreSQL is required in CI (CI=true)")
        .hasMessageContaining("VOICEHOOKS_JDBC_URL is not set: run scripts/start-postgres");
  }

  @Test
  void inCi_unreachable_failsSayingWhy() throws IOException {
    ExternalService service = postgres(Map.of("CI", "true", VARIABLE, closedPortUrl()));
    assertThatThrownBy(service::require)
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("PostgreSQL is required in CI (CI=true)")
        .hasMessageContaining("VOICEHOOKS_JDBC_URL names a PostgreSQL that cannot be reached");
  }

  @Test
  void outsideCi_unsetOrUnreachable_skipsSayingWhy() throws IOException {
    for (Map<String, String> environment :
        java.util.List.of(
            Map.<String, String>of(),
            Map.of("CI", "false", VARIABLE, " "),
            Map.of(VARIABLE, closedPortUrl()))) {
      assertThatThrownBy(postgres(environment)::require)
          .isInstanceOf(TestAbortedException.class)
          .hasMessageContaining("PostgreSQL unavailable, test skipped (in CI it would fail)")
          .hasMessageContaining(VARIABLE);
    }
  }

  @Test
  void reachable_returnsTheUrl_inCiAndOutside() {
    String url = "jdbc:test://up";
    for (String ci : new String[] {"true", "false"}) {
      ExternalService service =
          ExternalService.from(Map.of("CI", ci, VARIABLE, url), "Test", VARIABLE, "-", u -> {});
      assertThat(service.available()).isTrue();
      assertThat(service.require()).isEqualTo(url);
    }
  }

  private static String closedPortUrl() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
  }
}
