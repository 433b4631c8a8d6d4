package io.voicehooks.agntix;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Receives Agntix events, one method per event type; override the ones you handle. The others do
 * nothing, so an event type added to this SDK later never breaks a listener.
 *
 * <p>A listener is a {@code Consumer<AgntixEvent>}, so it can be passed straight to {@link
 * io.voicehooks.core.WebhookHandler.Builder#listener(Consumer)} or {@link
 * AgntixWebhookParser#handler(AgntixEventListener)}:
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
   * Called for each {@code session.created} event.
   *
   * @param event the event
   */
  default void onSessionCreated(SessionCreatedEvent event) {}

  /**
   * Called for each {@code session.ended} event.
   *
   * @param event the event
   */
  default void onSessionEnded(SessionEndedEvent event) {}

  /**
   * Called for each event of a type this SDK does not model, such as {@code session.updated}.
   *
   * @param event the event, with its type name and raw JSON
   */
  default void onUnknown(UnknownAgntixEvent event) {}
}
