package io.voicehooks.cllr;

import io.voicehooks.core.WebhookEvent;
import io.voicehooks.core.internal.Identity;

/**
 * An event from cllr. cllr sends one kind only, the post-call payload, and names no event type on
 * the wire; the sealed interface is the place where a later kind would join without breaking
 * listeners.
 */
public sealed interface CllrEvent extends WebhookEvent permits PostCallEvent {
  /**
   * The provider's name, {@value}: first in every cllr key and in {@link
   * io.voicehooks.core.CallSummary#provider()}.
   */
  String PROVIDER = "cllr";

  /** {@return {@value #PROVIDER}} */
  @Override
  default String provider() {
    return PROVIDER;
  }

  /** {@return cllr's id of the call ({@code callId}), which identifies the event; never empty} */
  String callId();

  /**
   * Returns {@code cllr:<event type>:<callId>}: cllr sends each call once and documents the call id
   * as the idempotency key; the prefix keeps it apart from other providers' keys in a shared store.
   *
   * @return the idempotency key
   */
  @Override
  default String idempotencyKey() {
    return Identity.key(PROVIDER, eventType(), callId());
  }

  /**
   * Calls the listener's method for this event.
   *
   * @param listener the listener
   */
  void dispatch(CllrEventListener listener);
}
