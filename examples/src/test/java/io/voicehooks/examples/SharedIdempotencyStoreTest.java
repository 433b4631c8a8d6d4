package io.voicehooks.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.voicehooks.agni.AgniWebhookParser;
import io.voicehooks.agntix.AgntixWebhookParser;
import io.voicehooks.cllr.CllrWebhookParser;
import io.voicehooks.core.IdempotencyStore;
import io.voicehooks.core.WebhookEvent;
import io.voicehooks.core.WebhookHandler;
import io.voicehooks.core.WebhookHeaders;
import io.voicehooks.core.WebhookParser;
import io.voicehooks.core.WebhookResponse;
import io.voicehooks.jdbc.JdbcIdempotencyStore;
import io.voicehooks.jdbc.Postgres;
import io.voicehooks.testing.AgniSamples;
import io.voicehooks.testing.Provider;
import io.voicehooks.testing.Sample;
import io.voicehooks.testing.Samples;
import io.voicehooks.testing.SvixSigner;
import io.voicehooks.vaani.VaaniWebhookParser;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * One idempotency store behind the handlers of all four providers: every key starts with its
 * provider, so events whose identities are the same string (an Agni call_session_id, a Vaani
 * room_name, an Agntix session id and a cllr callId), and one unknown-event body delivered to three
 * providers, are each processed once by their own listener, and each re-delivery is a duplicate.
 * The JDBC case runs against the PostgreSQL named by {@code VOICEHOOKS_JDBC_URL} ({@code
 * scripts/start-postgres}); without it, it fails in CI and is skipped elsewhere (see sdk-jdbc's
 * test {@link Postgres}).
 */
final class SharedIdempotencyStoreTest {
  private static final String SECRET = WebhookServerTest.SECRET;

  @Test
  void inMemoryStore_sharedByAllProviders_processesEachProvidersEventsOnce() {
    deliverTwice(IdempotencyStore.inMemory());
  }

  @Test
  void jdbcTable_sharedByAllProviders_processesEachProvidersEventsOnce() throws SQLException {
    String url = Postgres.url();
    String table =
        "voicehooks_shared_keys_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(2);
    try (HikariDataSource dataSource = new HikariDataSource(config)) {
      JdbcIdempotencyStore store = JdbcIdempotencyStore.builder(dataSource).table(table).build();
      store.createSchema();
      try {
        Set<String> keys = deliverTwice(store);

        assertThat(storedKeys(dataSource, table)).containsExactlyInAnyOrderElementsOf(keys);
      } finally {
        try (Connection c = dataSource.getConnection();
            Statement s = c.createStatement()) {
          s.execute("DROP TABLE IF EXISTS " + table);
        }
      }
    }
  }

  /**
   * Delivers every sample twice through four handlers sharing the store, and checks each was
   * processed once, by its own provider's listener, under the key {@link Sample#idempotencyKey()}
   * names.
   *
   * @return the keys processed
   */
  private static Set<String> deliverTwice(IdempotencyStore store) {
    Map<Provider, List<Sample>> samples = samples(UUID.randomUUID().toString());
    Map<Provider, List<String>> received = new EnumMap<>(Provider.class);
    Map<Provider, WebhookHandler> handlers = new EnumMap<>(Provider.class);
    for (Provider provider : Provider.values()) {
      List<String> keys = new ArrayList<>();
      received.put(provider, keys);
      handlers.put(provider, handler(provider, store, keys));
    }

    List<String> first = new ArrayList<>();
    List<String> again = new ArrayList<>();
    samples.forEach(
        (provider, list) ->
            list.forEach(sample -> first.add(answer(handlers.get(provider), sample))));
    samples.forEach(
        (provider, list) ->
            list.forEach(sample -> again.add(answer(handlers.get(provider), sample))));

    Set<String> all = new HashSet<>();
    for (Provider provider : Provider.values()) {
      List<String> expected = samples.get(provider).stream().map(Sample::idempotencyKey).toList();
      assertThat(received.get(provider)).as(provider.id()).containsExactlyElementsOf(expected);
      assertThat(expected).allMatch(key -> key.startsWith(provider.id() + ":"), provider.id());
      all.addAll(expected);
    }
    int count = samples.values().stream().mapToInt(List::size).sum();
    assertThat(all).hasSize(count);
    assertThat(first).hasSize(count).allMatch(outcome -> outcome.startsWith("PROCESSED"));
    assertThat(again).hasSize(count).allMatch(outcome -> outcome.startsWith("DUPLICATE"));
    return all;
  }

  /** Each provider's samples, all identified by the same string {@code id}. */
  private static Map<Provider, List<Sample>> samples(String id) {
    SvixSigner signer = SvixSigner.withSecret(SECRET);
    // One body every parser but cllr's reads as an event type it does not model.
    byte[] unknown =
        ("{\"event\":\"call.queued\",\"eventType\":\"call.queued\",\"org_id\":\""
                + AgniSamples.DEFAULT_ORG_ID
                + "\",\"id\":\""
                + id
                + "\",\"room_name\":\""
                + id
                + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    WebhookHeaders json = WebhookHeaders.of("Content-Type", "application/json");
    Map<Provider, List<Sample>> samples = new EnumMap<>(Provider.class);
    samples.put(
        Provider.AGNI,
        List.of(
            Samples.agni().callCompleted().callSessionId(id).build(),
            Sample.of(Provider.AGNI, "call.queued", "", json, unknown)));
    samples.put(
        Provider.VAANI,
        List.of(
            Samples.vaani().callEnded().roomName(id).build(),
            Samples.vaani().humanTransferInitiated().roomName(id).build(),
            Samples.vaani().humanTransferFailed().roomName(id).build(),
            // a second attempt, to another number: not a duplicate of the first
            Samples.vaani()
                .humanTransferInitiated()
                .roomName(id)
                .phoneNumber("+919800000000")
                .build(),
            Samples.vaani()
                .humanTransferSuccessful()
                .roomName(id)
                .phoneNumber("+919800000000")
                .build(),
            Sample.of(Provider.VAANI, "call.queued", id, json, unknown)));
    samples.put(
        Provider.AGNTIX,
        List.of(
            Samples.agntix().sessionCreated().sessionId(id).signedWith(signer).build(),
            Samples.agntix().sessionEnded().sessionId(id).signedWith(signer).build(),
            Sample.of(Provider.AGNTIX, "call.queued", id, json, unknown).signedWith(signer)));
    samples.put(Provider.CLLR, List.of(Samples.cllr().postCall().callId(id).build()));
    return samples;
  }

  private static WebhookHandler handler(
      Provider provider, IdempotencyStore store, List<String> received) {
    WebhookParser<? extends WebhookEvent> parser =
        switch (provider) {
          case AGNI ->
              AgniWebhookParser.builder().expectedOrgId(AgniSamples.DEFAULT_ORG_ID).build();
          case VAANI -> VaaniWebhookParser.create();
          case AGNTIX -> AgntixWebhookParser.create(SECRET);
          case CLLR -> CllrWebhookParser.create();
        };
    return build(parser, store, received);
  }

  private static <E extends WebhookEvent> WebhookHandler build(
      WebhookParser<E> parser, IdempotencyStore store, List<String> received) {
    return WebhookHandler.builder(parser)
        .listener(event -> received.add(event.idempotencyKey()))
        .idempotencyStore(store)
        .build();
  }

  /** {@return the outcome, and on anything but success the answer's body, which names no value} */
  private static String answer(WebhookHandler handler, Sample sample) {
    WebhookResponse response = handler.handle(sample.toRequest());
    return response.outcome() + " " + sample.provider().id() + " " + response.body();
  }

  private static List<String> storedKeys(HikariDataSource dataSource, String table)
      throws SQLException {
    List<String> keys = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT idempotency_key FROM " + table)) {
      while (rows.next()) {
        keys.add(rows.getString(1));
      }
    }
    return keys;
  }
}
