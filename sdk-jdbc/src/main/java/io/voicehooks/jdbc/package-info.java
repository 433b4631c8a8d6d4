/**
 * A shared idempotency store and a durable inbox on PostgreSQL, over plain JDBC and a {@link
 * javax.sql.DataSource}, for receivers that run as several replicas or must not lose an
 * acknowledged event.
 *
 * <p>Several replicas, each processing synchronously, sharing one de-duplication table:
 *
 * <pre>{@code
 * JdbcIdempotencyStore store = JdbcIdempotencyStore.create(dataSource);
 * store.createSchema();
 * WebhookHandler handler = WebhookHandler.builder(AgniWebhookParser.create())
 *     .listener(crm::record)
 *     .idempotencyStore(store)
 *     .build();
 * }</pre>
 *
 * <p>Durable: each delivery is stored before 200 is answered, and workers dispatch it:
 *
 * <pre>{@code
 * JdbcInbox<AgniEvent> inbox = JdbcInbox.builder(dataSource, AgniWebhookParser.create(), crm::record)
 *     .workers(4)
 *     .build();
 * inbox.createSchema();
 * inbox.start();
 * WebhookHandler handler = inbox.handler();
 * }</pre>
 */
@NullMarked
package io.voicehooks.jdbc;

import org.jspecify.annotations.NullMarked;
