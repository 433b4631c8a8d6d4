package io.voicehooks.cllr;

import io.voicehooks.core.WebhookEvent;

/**
 * An event from cllr. cllr sends one kind only, the post-call payload, and names no event type on
 * the wire; the sealed interface is the place where a later kind would join without breaking
 * listeners.
 */
public sealed interface CllrEvent extends WebhookEvent permits PostCallEvent {
  /**
   * Calls the listener's method for this event.
   *
   * @param listener the listener
   */
  void dispatch(CllrEventListener listener);
}
