package io.voicehooks.agntix;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Receives Agntix events, one method per event type; override the ones you need. Being a {@link
 * Consumer}, a listener can be passed straight to {@link
 * io.voicehooks.core.WebhookHandler.Builder#listener(Consumer)}.
 *
 * <pre>{@code
 * AgntixEventListener listener = new AgntixEventListener() {
 *   @Override
 *   public void onSessionEnded(SessionEndedEvent event) {
 *     crm.logCall(event.metadata().sessionVariable("crmContactId"), event.analysis().summary());
 *   }
 * };
 * }</pre>
 */
public interface AgntixEventListener extends Consumer<AgntixEvent> {
  /**
   * Dispatches the event to the method for its type.
   *
   * @param event the event
   */
  @Override
  default void accept(AgntixEvent event) {
    Objects.requireNonNull(event, "event == null").dispatch(this);
  }

  /**
   * Handles {@code session.created}; does nothing unless overridden.
   *
   * @param event the event
   */
  default void onSessionCreated(SessionCreatedEvent event) {}

  /**
   * Handles {@code session.ended}; does nothing unless overridden.
   *
   * @param event the event
   */
  default void onSessionEnded(SessionEndedEvent event) {}

  /**
   * Handles an event type this SDK does not model, such as {@code session.updated}; does nothing
   * unless overridden.
   *
   * @param event the event, with its type name and raw JSON
   */
  default void onUnknown(UnknownAgntixEvent event) {}
}
