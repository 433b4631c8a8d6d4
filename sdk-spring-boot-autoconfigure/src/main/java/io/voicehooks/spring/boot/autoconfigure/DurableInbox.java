package io.voicehooks.spring.boot.autoconfigure;

import io.voicehooks.core.WebhookEvent;
import io.voicehooks.core.WebhookHandler;
import java.time.Duration;

/**
 * A provider's durable inbox as the auto-configuration sees it, so that no class outside {@link
 * JdbcSupport} names a voicehooks-jdbc type (the module is optional).
 *
 * @param <E> the provider's event type
 */
interface DurableInbox<E extends WebhookEvent> {
  /** {@return a handler builder already set to this inbox} */
  WebhookHandler.Builder<E> handlerBuilder();

  /** Starts the workers. */
  void start();

  /**
   * Stops the workers.
   *
   * @param timeout how long to let them finish the events in hand
   */
  void stop(Duration timeout);
}
