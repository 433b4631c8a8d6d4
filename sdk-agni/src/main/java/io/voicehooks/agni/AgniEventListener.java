package io.voicehooks.agni;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Receives Agni events, one method per event type; override the ones you handle. The others do
 * nothing, so an event type added to this SDK later never breaks a listener.
 *
 * <p>A listener is a {@code Consumer<AgniEvent>}, so it can be passed straight to {@link
 * io.voicehooks.core.WebhookHandler.Builder#listener(Consumer)} or {@link
 * AgniWebhookParser#handler(AgniEventListener)}:
 *
 * <pre>{@code
 * WebhookHandler handler = parser.handler(new AgniEventListener() {
 *   @Override
 *   public void onCallCompleted(CallCompletedEvent event) {
 *     crm.logCall(event.callSummary());
 *   }
 * });
 * }</pre>
 */
public interface AgniEventListener extends Consumer<AgniEvent> {
  /**
   * Dispatches the event to the method for its type.
   *
   * @param event the event
   */
  @Override
  default void accept(AgniEvent event) {
    Objects.requireNonNull(event, "event == null").dispatch(this);
  }

  /**
   * Called for each {@code call.completed} event.
   *
   * @param event the event
   */
  default void onCallCompleted(CallCompletedEvent event) {}

  /**
   * Called for each event of a type this SDK does not model.
   *
   * @param event the event, with its type name and raw JSON
   */
  default void onUnknown(UnknownAgniEvent event) {}
}
