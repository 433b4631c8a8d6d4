package io.voicehooks.cllr;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Receives cllr events, one method per event type; override the ones you handle. The others do
 * nothing, so an event type added to this SDK later never breaks a listener.
 *
 * <p>A listener is a {@code Consumer<CllrEvent>}, so it can be passed straight to {@link
 * io.voicehooks.core.WebhookHandler.Builder#listener(Consumer)} or {@link
 * CllrWebhookParser#handler(CllrEventListener)}:
 *
 * <pre>{@code
 * CllrEventListener listener = new CllrEventListener() {
 *   @Override
 *   public void onPostCall(PostCallEvent call) {
 *     crm.logCall(call.callId(), call.callAnalysis());
 *   }
 * };
 * }</pre>
 *
 * <p>cllr payloads carry no event type, so there is no unknown-event method: every delivery is a
 * {@link PostCallEvent}.
 */
public interface CllrEventListener extends Consumer<CllrEvent> {
  /**
   * Dispatches the event to the method for its type.
   *
   * @param event the event
   */
  @Override
  default void accept(CllrEvent event) {
    Objects.requireNonNull(event, "event == null").dispatch(this);
  }

  /**
   * Called for each {@code post_call} event: a call ended (cllr's only payload).
   *
   * @param event the post-call payload
   */
  default void onPostCall(PostCallEvent event) {}
}
