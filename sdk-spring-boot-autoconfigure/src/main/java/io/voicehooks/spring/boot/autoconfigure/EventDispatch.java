package io.voicehooks.spring.boot.autoconfigure;

import io.voicehooks.core.WebhookEvent;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The listener a provider's handler calls once per event: every bean implementing the provider's
 * listener interface, in {@code @Order} order, then the event as a Spring application event. All on
 * the calling thread, so an exception from any of them reaches the handler (500 in synchronous
 * mode, a retry in durable mode) and the rest are not called.
 *
 * @param <E> the provider's event type
 */
final class EventDispatch<E extends WebhookEvent> implements Consumer<E> {
  private final ObjectProvider<? extends Consumer<? super E>> listenerBeans;
  private final ApplicationEventPublisher publisher;
  private volatile @Nullable List<Consumer<? super E>> listeners;

  EventDispatch(
      ObjectProvider<? extends Consumer<? super E>> listenerBeans,
      ApplicationEventPublisher publisher) {
    this.listenerBeans = listenerBeans;
    this.publisher = publisher;
  }

  @Override
  public void accept(E event) {
    for (Consumer<? super E> listener : listeners()) {
      listener.accept(event);
    }
    publisher.publishEvent(event);
  }

  /** Looked up at the first event, not at startup: a listener bean may itself use the handler. */
  private List<Consumer<? super E>> listeners() {
    List<Consumer<? super E>> found = listeners;
    if (found == null) {
      found = listenerBeans.orderedStream().collect(Collectors.toUnmodifiableList());
      listeners = found;
    }
    return found;
  }
}
