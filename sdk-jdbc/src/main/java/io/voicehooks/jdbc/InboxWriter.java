package io.voicehooks.jdbc;

import io.voicehooks.core.WebhookEvent;
import io.voicehooks.core.WebhookRequest;
import javax.sql.DataSource;

/**
 * Writes each verified delivery, raw body and kept headers, as a pending row, in one committed
 * {@code INSERT ... ON CONFLICT DO NOTHING} that is also the de-duplication claim, and wakes a
 * worker for it.
 */
final class InboxWriter {
  private final DataSource dataSource;
  private final InboxSql sql;

  /** Run once a row is stored, to wake a worker of this process for it. */
  private final Runnable onStored;

  InboxWriter(DataSource dataSource, InboxSql sql, Runnable onStored) {
    this.dataSource = dataSource;
    this.sql = sql;
    this.onStored = onStored;
  }

  /**
   * Stores the delivery unless its key is stored.
   *
   * @return true if it was stored now; false for a duplicate
   */
  boolean offer(WebhookEvent event, WebhookRequest request) {
    String headers = StoredHeaders.write(request.headers());
    // 200 follows: the row is committed even on a pool that lends manual-commit connections.
    boolean stored =
        Sql.inTransaction(
            dataSource,
            "Storing a delivery in the inbox",
            c ->
                sql.insert(
                    c,
                    event.idempotencyKey(),
                    event.eventType(),
                    headers,
                    request.body(),
                    request.receivedAt()));
    if (stored) {
      onStored.run();
    }
    return stored;
  }
}
