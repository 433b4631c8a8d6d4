package io.voicehooks.examples;

import static io.voicehooks.examples.WebhookServerTest.SECRET;
import static io.voicehooks.examples.WebhookServerTest.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.voicehooks.core.WebhookEvent;
import io.voicehooks.jdbc.Postgres;
import io.voicehooks.testing.AgniSamples;
import io.voicehooks.testing.Sample;
import io.voicehooks.testing.Samples;
import io.voicehooks.testing.SvixSigner;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code serve} in durable mode, against the PostgreSQL named by {@code VOICEHOOKS_JDBC_URL}
 * ({@code scripts/start-postgres} starts one); without it, failed in CI and skipped elsewhere (see
 * sdk-jdbc's test {@link Postgres}).
 */
final class DurableModeTest {
  @Test
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  void durableMode_storesEachDeliveryBefore200_andProcessesItOnce() throws Exception {
    String url = Postgres.url();
    String run = UUID.randomUUID().toString();
    List<Sample> samples =
        List.of(
            Samples.agni().callCompleted().callSessionId("cs-" + run).build(),
            Samples.vaani().callEnded().roomName("room-" + run).build(),
            Samples.agntix()
                .sessionEnded()
                .sessionId(run)
                .signedWith(SvixSigner.withSecret(SECRET))
                .build(),
            Samples.cllr().postCall().callId("call-" + run).build());
    List<WebhookEvent> processed = new CopyOnWriteArrayList<>();
    WebhookServer server =
        WebhookServer.start(
            new ServerConfig(AgniSamples.DEFAULT_ORG_ID, SECRET, List.of(), List.of(), url),
            new InetSocketAddress("127.0.0.1", 0),
            (provider, event) -> processed.add(event));
    try {
      List<String> answers = new ArrayList<>();
      for (Sample sample : samples) {
        String path = "/webhooks/" + sample.provider().id();
        HttpResponse<String> answer = post(server.uri(path), sample.body(), sample.headers());
        answers.add(answer.statusCode() + " " + answer.body());
      }
      HttpResponse<String> again =
          post(server.uri("/webhooks/agni"), samples.get(0).body(), samples.get(0).headers());

      assertThat(answers).containsOnly("200 {\"status\":\"accepted\"}");
      assertThat(again.body()).isEqualTo("{\"status\":\"duplicate\"}");
      Map<String, String> tables =
          Map.of(
              samples.get(0).idempotencyKey(), "voicehooks_inbox_agni",
              samples.get(1).idempotencyKey(), "voicehooks_inbox_vaani",
              samples.get(2).idempotencyKey(), "voicehooks_inbox_agntix",
              samples.get(3).idempotencyKey(), "voicehooks_inbox_cllr");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!tables.entrySet().stream().allMatch(e -> "DONE".equals(status(url, e)))
          && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      tables.forEach(
          (key, table) -> assertThat(status(url, Map.entry(key, table))).isEqualTo("DONE"));
      assertThat(processed)
          .extracting(WebhookEvent::idempotencyKey)
          .containsExactlyInAnyOrderElementsOf(tables.keySet());
      HttpResponse<String> health =
          WebhookServerTest.CLIENT.send(
              HttpRequest.newBuilder(server.uri("/health")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(health.body()).isEqualTo("{\"status\":\"ok\",\"mode\":\"durable\"}");
    } finally {
      server.stop(Duration.ofSeconds(10));
    }
  }

  @Test
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  void durableMode_urlSecret_isCheckedButNeverStored() throws Exception {
    String url = Postgres.url();
    String run = UUID.randomUUID().toString();
    String vaaniSecret = "VaaniDurable-" + run;
    String cllrSecret = "CllrDurable-" + run;
    Sample vaani = Samples.vaani().callEnded().roomName("room-" + run).build();
    Sample cllr = Samples.cllr().postCall().callId("call-" + run).build();
    List<WebhookEvent> processed = new CopyOnWriteArrayList<>();
    WebhookServer server =
        WebhookServer.start(
            new ServerConfig(null, SECRET, List.of(vaaniSecret), List.of(cllrSecret), url),
            new InetSocketAddress("127.0.0.1", 0),
            (provider, event) -> processed.add(event));
    try {
      HttpResponse<String> wrong =
          post(server.uri("/webhooks/vaani?token=" + cllrSecret), vaani.body(), vaani.headers());
      HttpResponse<String> vaaniAnswer =
          post(
              server.uri("/webhooks/vaani?token=" + vaaniSecret + "&x=" + vaaniSecret),
              vaani.body(),
              vaani.headers());
      HttpResponse<String> cllrAnswer =
          post(server.uri("/webhooks/cllr?token=" + cllrSecret), cllr.body(), cllr.headers());

      assertThat(wrong.statusCode()).isEqualTo(401);
      assertThat(vaaniAnswer.body()).isEqualTo("{\"status\":\"accepted\"}");
      assertThat(cllrAnswer.body()).isEqualTo("{\"status\":\"accepted\"}");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (processed.size() < 2 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(processed)
          .extracting(WebhookEvent::idempotencyKey)
          .containsExactlyInAnyOrder(vaani.idempotencyKey(), cllr.idempotencyKey());
      // Every column of every row this run stored, as text.
      for (String table : List.of("voicehooks_inbox_vaani", "voicehooks_inbox_cllr")) {
        List<String> rows = rowsAsText(url, table, run);
        assertThat(rows).as(table).hasSize(1);
        assertThat(rows.get(0)).doesNotContain(vaaniSecret).doesNotContain(cllrSecret);
        assertThat(rows.get(0)).doesNotContain("token");
      }
    } finally {
      server.stop(Duration.ofSeconds(10));
    }
  }

  private static List<String> rowsAsText(String url, String table, String run) {
    String sql = "SELECT t::text FROM " + table + " t WHERE idempotency_key LIKE ?";
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, "%" + run + "%");
      List<String> rows = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          rows.add(rs.getString(1));
        }
      }
      return rows;
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String status(String url, Map.Entry<String, String> keyAndTable) {
    String sql = "SELECT status FROM " + keyAndTable.getValue() + " WHERE idempotency_key = ?";
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, keyAndTable.getKey());
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getString(1) : "ABSENT";
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
