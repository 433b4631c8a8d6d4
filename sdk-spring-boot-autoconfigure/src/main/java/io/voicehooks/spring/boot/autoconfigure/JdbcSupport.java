package io.voicehooks.spring.boot.autoconfigure;

import io.voicehooks.core.IdempotencyStore;
import io.voicehooks.core.WebhookEvent;
import io.voicehooks.core.WebhookHandler;
import io.voicehooks.core.WebhookParser;
import io.voicehooks.jdbc.JdbcIdempotencyStore;
import io.voicehooks.jdbc.JdbcInbox;
import java.time.Duration;
import java.util.function.Consumer;
import javax.sql.DataSource;

/** The only class that names voicehooks-jdbc types; loaded only when that module is present. */
final class JdbcSupport {
  private JdbcSupport() {}

  static IdempotencyStore idempotencyStore(DataSource dataSource, boolean initializeSchema) {
    JdbcIdempotencyStore store = JdbcIdempotencyStore.create(dataSource);
    if (initializeSchema) {
      store.createSchema();
    }
    return store;
  }

  /** One inbox table per provider: an inbox's workers parse every row with its own parser. */
  static <E extends WebhookEvent> DurableInbox<E> inbox(
      DataSource dataSource,
      String provider,
      WebhookParser<E> parser,
      Consumer<? super E> listener,
      int workers,
      boolean initializeSchema) {
    JdbcInbox<E> inbox =
        JdbcInbox.builder(dataSource, parser, listener)
            .table("voicehooks_inbox_" + provider)
            .workers(workers)
            .build();
    if (initializeSchema) {
      inbox.createSchema();
    }
    return new DurableInbox<>() {
      @Override
      public WebhookHandler.Builder<E> handlerBuilder() {
        return inbox.handlerBuilder();
      }

      @Override
      public void start() {
        inbox.start();
      }

      @Override
      public void stop(Duration timeout) {
        inbox.stop(timeout);
      }

      @Override
      public String toString() {
        return inbox.toString();
      }
    };
  }
}
