package io.voicehooks.vaani;

import io.voicehooks.core.OpenEnum;
import io.voicehooks.core.internal.Digests;
import io.voicehooks.core.internal.Identity;
import org.jspecify.annotations.Nullable;

/**
 * The idempotency keys of Vaani's known events, in one place: {@code vaani:<event>:<room_name>},
 * and for the transfer events, which a call can send once per attempt, {@code
 * vaani:<event>:<room_name>:<digest>}.
 *
 * <p>The digest ({@link Digests#fieldsDigest}) covers the declared fields other than {@code event}
 * and {@code room_name}, listed here by name, with enum values as sent ({@link OpenEnum#raw()}).
 * Fields the SDK does not declare are left out, so an exact re-delivery, whatever its whitespace or
 * key order, gets the same key, and an attempt that differs in one of these fields another.
 */
final class VaaniKeys {
  private VaaniKeys() {}

  /** {@return the idempotency key of a known event} */
  static String of(VaaniEvent event) {
    String key = Identity.key(VaaniEvent.PROVIDER, event.eventType(), event.roomName());
    String attempt = attemptDigest(event);
    return attempt == null ? key : key + ":" + attempt;
  }

  /**
   * Returns the digest that tells one transfer attempt's event from another's in the same room, or
   * null for an event that happens once per call.
   */
  static @Nullable String attemptDigest(VaaniEvent event) {
    if (event instanceof HumanTransferInitiatedEvent initiated) {
      return Digests.fieldsDigest(
          "transfer_type", raw(initiated.transferType()),
          "phone_number", initiated.phoneNumber());
    }
    if (event instanceof HumanTransferSucceededEvent succeeded) {
      return Digests.fieldsDigest(
          "transfer_type", raw(succeeded.transferType()),
          "phone_number", succeeded.phoneNumber(),
          "agent_identity", succeeded.agentIdentity());
    }
    if (event instanceof HumanTransferFailedEvent failed) {
      return Digests.fieldsDigest(
          "transfer_type", raw(failed.transferType()),
          "phone_number", failed.phoneNumber(),
          "reason", raw(failed.reason()),
          "sip_status", failed.sipStatus());
    }
    return null;
  }

  private static @Nullable String raw(@Nullable OpenEnum<?> value) {
    return value == null ? null : value.raw();
  }
}
