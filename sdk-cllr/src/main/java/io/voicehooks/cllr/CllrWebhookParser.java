package io.voicehooks.cllr;

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
 * Parses cllr post-call deliveries into {@link PostCallEvent}s.
 *
 * <pre>{@code
 * CllrWebhookParser parser = CllrWebhookParser.create();
 * CllrEvent event = parser.parse(WebhookRequest.of(headers, rawBody));
 * }</pre>
 *
 * <p>cllr's payload has no event-type field: every JSON object is read as a post-call payload. A
 * delivery is rejected ({@link io.voicehooks.core.WebhookParseException}) only when the body is not
 * a JSON object or lacks {@code callId}; a value of an unexpected type reads as null (or, for the
 * free-form analysis parts, is kept as sent), since cllr never retries a rejected delivery.
 *
 * <p>cllr signs nothing and its configuration takes only a URL, so the secret that authenticates a
 * delivery rides in that URL ({@code https://<your host>/webhooks/cllr?token=<secret>}): check it
 * with {@link io.voicehooks.core.SharedSecretVerifier#queryParameter} given to {@link
 * WebhookHandler.Builder#verifier(io.voicehooks.core.SignatureVerifier)}, and pass the request
 * target to the handler.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class CllrWebhookParser implements WebhookParser<CllrEvent> {
  private static final String UNVERIFIED =
      "has no verifier, so any sender can forge deliveries: put a secret in the webhook URL and"
          + " configure CllrWebhookParser.builder().verifier(SharedSecretVerifier.queryParameter("
          + "\"token\", secret))";

  private final EventDeserializer<PostCallEvent> events;
  private final @Nullable SignatureVerifier verifier;
  private final @Nullable Unverified unverified;

  private CllrWebhookParser(Builder builder) {
    this(
        EventDeserializer.forType(PostCallEvent.class, PostCallEvent.EVENT_TYPE, builder.limits),
        builder.verifier,
        builder.verifier == null ? new Unverified(CllrWebhookParser.class, UNVERIFIED) : null);
  }

  private CllrWebhookParser(
      EventDeserializer<PostCallEvent> events,
      @Nullable SignatureVerifier verifier,
      @Nullable Unverified unverified) {
    this.events = events;
    this.verifier = verifier;
    this.unverified = unverified;
  }

  /** {@return a parser with the default limits ({@link JsonLimits#defaults()})} */
  public static CllrWebhookParser create() {
    return builder().build();
  }

  /** {@return a builder of a parser with other limits} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Parses one delivery: cllr sends a single payload type, so every body becomes a {@link
   * PostCallEvent}.
   *
   * @param request the delivery as received
   * @return the post-call event
   * @throws io.voicehooks.core.PayloadTooLargeException if the body is over the size limit
   * @throws io.voicehooks.core.WebhookParseException if the body is not a valid UTF-8 JSON object,
   *     or lacks {@code callId} (or sends it as something other than a string or an integer); the
   *     message names the field
   */
  @Override
  public CllrEvent parse(WebhookRequest request) {
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
  public CllrWebhookParser forStoredDeliveries() {
    return verifier == null && unverified == null
        ? this
        : new CllrWebhookParser(events, null, null);
  }

  /** {@return true when this parser was given a verifier} */
  public boolean verifies() {
    return verifier != null;
  }

  /**
   * Returns a handler that parses with this parser and dispatches to the listener, with the default
   * options. {@link WebhookHandler#builder(WebhookParser)} gives every option (a shared-secret
   * verifier, an executor to answer cllr at once, an idempotency store).
   *
   * @param listener the listener
   * @return the handler
   */
  public WebhookHandler handler(CllrEventListener listener) {
    Objects.requireNonNull(listener, "listener == null");
    return WebhookHandler.builder(this).listener(listener).build();
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

  /** Builds a {@link CllrWebhookParser}. Not thread-safe; the parser it builds is. */
  public static final class Builder {
    private JsonLimits limits = JsonLimits.defaults();
    private @Nullable SignatureVerifier verifier;

    private Builder() {}

    /**
     * Sets the check that authenticates each delivery before its body is read. cllr signs nothing
     * and takes only a URL, so the check is a secret in that URL: {@code
     * SharedSecretVerifier.queryParameter("token", secret)} for {@code https://<your
     * host>/webhooks/cllr?token=<secret>} (pass the request target to the handler or to {@link
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
    public CllrWebhookParser build() {
      return new CllrWebhookParser(this);
    }
  }
}
