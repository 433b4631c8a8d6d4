package io.voicehooks.vaani;

import io.voicehooks.core.JsonLimits;
import io.voicehooks.core.SignatureVerifier;
import io.voicehooks.core.WebhookHandler;
import io.voicehooks.core.WebhookParser;
import io.voicehooks.core.WebhookRequest;
import io.voicehooks.core.internal.EventDeserializer;
import io.voicehooks.core.internal.ToString;
import io.voicehooks.core.internal.Unverified;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Parses Vaani webhooks into {@link VaaniEvent}s, choosing the record by the {@code event} field
 * wherever it sits in the object; an unregistered type gives an {@link UnknownVaaniEvent}.
 *
 * <pre>{@code
 * VaaniWebhookParser parser = VaaniWebhookParser.create();
 * VaaniEvent event = parser.parse(WebhookRequest.of(headers, rawBody));
 * }</pre>
 *
 * <p>A delivery is rejected ({@link io.voicehooks.core.WebhookParseException}) only when it is not
 * a JSON object, is malformed, lacks {@code event}, or (for a known event) lacks a non-blank {@code
 * room_name}. Every other field is lenient: a value of the wrong JSON type or an unreadable format
 * (such as a non-numeric or negative {@code call_duration}) reads as null, and undeclared fields
 * are ignored. Vaani signs nothing, so the parser verifies nothing; see {@link
 * #handler(VaaniEventListener)}.
 *
 * <p>Instances are immutable and thread-safe; build one and share it.
 */
public final class VaaniWebhookParser implements WebhookParser<VaaniEvent> {
  private static final String UNVERIFIED =
      "has no verifier, so any sender can forge deliveries: put a secret in the webhook URL and"
          + " configure VaaniWebhookParser.builder().verifier(SharedSecretVerifier.queryParameter("
          + "\"token\", secret))";
  private final EventDeserializer<VaaniEvent> events;
  private final @Nullable SignatureVerifier verifier;
  private final @Nullable Unverified unverified;

  private VaaniWebhookParser(Builder builder) {
    this(
        EventDeserializer.builder(VaaniEvent.class)
            .typeField("event")
            .type(CallStartedEvent.EVENT_TYPE, CallStartedEvent.class)
            .type(CallRingingEvent.EVENT_TYPE, CallRingingEvent.class)
            .type(UserPickedUpEvent.EVENT_TYPE, UserPickedUpEvent.class)
            .type(CallRejectedEvent.EVENT_TYPE, CallRejectedEvent.class)
            .type(CallNoAnswerEvent.EVENT_TYPE, CallNoAnswerEvent.class)
            .type(CallFailedEvent.EVENT_TYPE, CallFailedEvent.class)
            .type(HumanTransferInitiatedEvent.EVENT_TYPE, HumanTransferInitiatedEvent.class)
            .type(HumanTransferSucceededEvent.EVENT_TYPE, HumanTransferSucceededEvent.class)
            .type(HumanTransferFailedEvent.EVENT_TYPE, HumanTransferFailedEvent.class)
            .type(CallEndedEvent.EVENT_TYPE, CallEndedEvent.class)
            .type(CallPostprocessingEvent.EVENT_TYPE, CallPostprocessingEvent.class)
            .unknown(UnknownVaaniEvent::new)
            .limits(builder.limits)
            .build(),
        builder.verifier,
        builder.verifier == null ? new Unverified(VaaniWebhookParser.class, UNVERIFIED) : null);
  }

  private VaaniWebhookParser(
      EventDeserializer<VaaniEvent> events,
      @Nullable SignatureVerifier verifier,
      @Nullable Unverified unverified) {
    this.events = events;
    this.verifier = verifier;
    this.unverified = unverified;
  }

  /** {@return a parser with the default {@link JsonLimits}} */
  public static VaaniWebhookParser create() {
    return builder().build();
  }

  /** {@return a builder for a parser with other options} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Parses one delivery.
   *
   * @param request the delivery as received
   * @return the typed event, or an {@link UnknownVaaniEvent} for an event type this SDK does not
   *     know
   * @throws io.voicehooks.core.PayloadTooLargeException if the body is over the size limit
   * @throws io.voicehooks.core.WebhookParseException if the body is not a valid JSON object, lacks
   *     {@code event}, or lacks {@code room_name} in a known event; the message names the field
   */
  @Override
  public VaaniEvent parse(WebhookRequest request) {
    Objects.requireNonNull(request, "request == null");
    if (verifier != null) {
      verifier.verify(request);
    } else if (unverified != null) {
      unverified.warnOnce();
    }
    return events.deserialize(request);
  }

  /**
   * Returns this parser without its verifier, for deliveries it verified on receipt and that were
   * stored since (a durable inbox keeps the body, not the URL that carried the secret).
   *
   * @return a parser with the same limits that does not verify, and does not warn
   */
  @Override
  public VaaniWebhookParser forStoredDeliveries() {
    return verifier == null && unverified == null
        ? this
        : new VaaniWebhookParser(events, null, null);
  }

  /** {@return true when this parser was given a verifier} */
  public boolean verifies() {
    return verifier != null;
  }

  /**
   * Returns a handler that parses with this parser, de-duplicates with the default in-memory store
   * and passes each event to the listener: {@code WebhookHandler.builder(this).listener(listener)
   * .build()}.
   *
   * <p>{@link WebhookHandler#builder(WebhookParser)} gives every other option, such as a {@link
   * io.voicehooks.core.SharedSecretVerifier} (Vaani signs nothing and takes only a URL, so a secret
   * in that URL, {@code SharedSecretVerifier.queryParameter("token", secret)}, is the only
   * authenticity check available), a shared idempotency store or an executor.
   *
   * @param listener receives each distinct event once
   * @return the handler
   */
  public WebhookHandler handler(VaaniEventListener listener) {
    Objects.requireNonNull(listener, "listener == null");
    return WebhookHandler.builder(this).listener(listener).build();
  }

  /** Builds a {@link VaaniWebhookParser}. Not thread-safe; the parser it builds is. */
  public static final class Builder {
    private JsonLimits limits = JsonLimits.defaults();
    private @Nullable SignatureVerifier verifier;

    private Builder() {}

    /**
     * Sets the check that authenticates each delivery before its body is read. Vaani signs nothing
     * and takes only a URL, so the check is a secret in that URL: {@code
     * SharedSecretVerifier.queryParameter("token", secret)} for {@code https://<your
     * host>/webhooks/vaani?token=<secret>} (pass the request target to the handler or to {@link
     * WebhookRequest}). Without one, the parser logs a warning the first time it parses a delivery.
     *
     * @param verifier the check, such as a {@link io.voicehooks.core.SharedSecretVerifier}
     * @return this builder
     */
    public Builder verifier(SignatureVerifier verifier) {
      this.verifier = Objects.requireNonNull(verifier, "verifier == null");
      return this;
    }

    /**
     * Sets the limits enforced on each body.
     *
     * @param limits the limits; default {@link JsonLimits#defaults()}
     * @return this builder
     */
    public Builder limits(JsonLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits == null");
      return this;
    }

    /** {@return the parser} */
    public VaaniWebhookParser build() {
      return new VaaniWebhookParser(this);
    }
  }

  @Override
  public int maxBodyBytes() {
    return events.maxBodyBytes();
  }

  /** {@return the verifier, which shows no secret} */
  @Override
  public String toString() {
    return ToString.of(this).add("verifier", verifier).toString();
  }
}
