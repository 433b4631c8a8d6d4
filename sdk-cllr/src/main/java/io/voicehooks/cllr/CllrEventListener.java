package io.voicehooks.cllr;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Receives cllr events, one method per event; override the ones you need. A listener is a {@link
 * Consumer} of {@link CllrEvent}, so it can be passed straight to {@link
 * io.voicehooks.core.WebhookHandler.Builder#listener(Consumer)}.
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
   * Dispatches the event to its method.
   *
   * @param event the event
   */
  @Override
  default void accept(CllrEvent event) {
    Objects.requireNonNull(event, "event == null").dispatch(this);
  }

  /**
   * Called for each completed call. Does nothing by default.
   *
   * @param event the post-call payload
   */
  default void onPostCall(PostCallEvent event) {}
}
