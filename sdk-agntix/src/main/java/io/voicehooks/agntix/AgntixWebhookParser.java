package io.voicehooks.agntix;

import io.voicehooks.core.JsonLimits;
import io.voicehooks.core.SvixSignatureVerifier;
import io.voicehooks.core.WebhookHandler;
import io.voicehooks.core.WebhookParser;
import io.voicehooks.core.WebhookRequest;
import io.voicehooks.core.internal.EventDeserializer;
import io.voicehooks.core.internal.Settings;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies and parses Agntix webhook deliveries. Agntix delivers through Svix, so every delivery is
 * checked against its {@code svix-id}, {@code svix-timestamp} and {@code svix-signature} headers
 * (or their {@code webhook-*} equivalents) before its body is read; the event type is the {@code
 * eventType} field.
 *
 * <pre>{@code
 * AgntixWebhookParser parser = AgntixWebhookParser.builder()
 *     .secret(System.getenv("AGNTIX_WEBHOOK_SECRET"))
 *     .build();
 * AgntixEvent event = parser.parse(WebhookRequest.of(headers, rawBody));
 * }</pre>
 *
 * <p>Pass the body bytes exactly as received: the signature covers them. The timestamp must lie
 * within five minutes of the clock (configurable): the Svix libraries' default, which Agntix's
 * signature guide says it enforces; its webhook overview states no tolerance. Inferred, not
 * documented: the {@code whsec_<base64>} secret format, Svix's usual one, which Agntix does not
 * show. Skipping verification is possible only through {@link #withoutVerification()}, for tests
 * and trusted internal hops.
 *
 * <p>Instances are immutable and thread-safe; build one and share it.
 */
public final class AgntixWebhookParser implements WebhookParser<AgntixEvent> {
  /** Created on first use: a parser that has nothing to warn about never starts SLF4J. */
  private static final class Log {
    static final Logger LOG = LoggerFactory.getLogger(AgntixWebhookParser.class);
  }

  private final @Nullable SvixSignatureVerifier verifier;
  private final EventDeserializer<AgntixEvent> events;
  private final int secrets;

  private AgntixWebhookParser(
      @Nullable SvixSignatureVerifier verifier, JsonLimits limits, int secrets) {
    this(
        verifier,
        EventDeserializer.builder(AgntixEvent.class)
            .typeField("eventType")
            .type(SessionCreatedEvent.EVENT_TYPE, SessionCreatedEvent.class)
            .type(SessionEndedEvent.EVENT_TYPE, SessionEndedEvent.class)
            .unknown(UnknownAgntixEvent::new)
            .limits(limits)
            .build(),
        secrets);
  }

  private AgntixWebhookParser(
      @Nullable SvixSignatureVerifier verifier,
      EventDeserializer<AgntixEvent> events,
      int secrets) {
    this.verifier = verifier;
    this.events = events;
    this.secrets = secrets;
  }

  /**
   * Returns a parser that verifies with one signing secret and the defaults otherwise.
   *
   * @param secret the endpoint's signing secret, in Svix's {@code whsec_<base64>} form (inferred:
   *     Agntix does not show its format; the prefix is optional)
   * @return the parser
   * @throws IllegalArgumentException if the secret is empty or not base64
   */
  public static AgntixWebhookParser create(String secret) {
    return builder().secret(secret).build();
  }

  /** {@return a builder; at least one secret is required} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a parser that does <b>not</b> verify signatures: any sender can forge a delivery it
   * accepts. For tests, and for trusted internal hops where a gateway has verified the delivery
   * already; never for an endpoint reachable from the internet. Logs a warning each time one is
   * built.
   *
   * @return the unverifying parser, with the default limits
   */
  public static AgntixWebhookParser withoutVerification() {
    return withoutVerification(JsonLimits.defaults());
  }

  /**
   * Returns a parser that does <b>not</b> verify signatures, with the given limits. See {@link
   * #withoutVerification()}.
   *
   * @param limits the limits on the body
   * @return the unverifying parser
   */
  public static AgntixWebhookParser withoutVerification(JsonLimits limits) {
    Objects.requireNonNull(limits, "limits == null");
    Log.LOG.warn(
        "AgntixWebhookParser built WITHOUT signature verification: any sender can forge"
            + " deliveries. Use it only in tests or behind a hop that has verified them.");
    return new AgntixWebhookParser(null, limits, 0);
  }

  /**
   * Verifies the delivery's Svix signature, then parses its body.
   *
   * @param request the delivery as received
   * @return the typed event; an unknown {@code eventType} gives an {@link UnknownAgntixEvent}
   * @throws io.voicehooks.core.WebhookVerificationException if a Svix header is missing or
   *     malformed, the timestamp is outside the tolerance, or no signature matches
   * @throws io.voicehooks.core.PayloadTooLargeException if the body is over the size limit
   * @throws io.voicehooks.core.WebhookParseException if the body is not a JSON object, or lacks
   *     {@code eventType} or (for a known event) {@code id}
   */
  @Override
  public AgntixEvent parse(WebhookRequest request) {
    Objects.requireNonNull(request, "request == null");
    if (verifier != null) {
      verifier.verify(request);
    }
    return events.deserialize(request);
  }

  /**
   * Returns this parser without its signature check, for deliveries it verified on receipt and that
   * were stored since (a durable inbox re-reads them long after their {@code svix-timestamp} has
   * left the tolerance).
   *
   * @return a parser with the same limits that does not verify
   */
  @Override
  public AgntixWebhookParser forStoredDeliveries() {
    return verifier == null ? this : new AgntixWebhookParser(null, events, 0);
  }

  /** {@return true unless this parser was made by {@link #withoutVerification()}} */
  public boolean verifiesSignatures() {
    return verifier != null;
  }

  /**
   * Returns a handler that verifies, parses, de-duplicates and dispatches deliveries to the
   * listener with the defaults. {@link WebhookHandler#builder(io.voicehooks.core.WebhookParser)}
   * with this parser gives every option (idempotency store, executor, limits).
   *
   * @param listener the listener
   * @return the handler
   */
  public WebhookHandler handler(AgntixEventListener listener) {
    Objects.requireNonNull(listener, "listener == null");
    return WebhookHandler.builder(this).listener(listener).build();
  }

  @Override
  public int maxBodyBytes() {
    return events.maxBodyBytes();
  }

  /** {@return whether signatures are verified, and with how many secrets; never a secret} */
  @Override
  public String toString() {
    return verifier == null
        ? "AgntixWebhookParser[verification=DISABLED]"
        : "AgntixWebhookParser[verification=svix, secrets=" + secrets + "]";
  }

  /** Builds an {@link AgntixWebhookParser}. Not thread-safe; the parser it builds is. */
  public static final class Builder {
    private static final String SECRET_SOURCE =
        "the whsec_... value shown on the endpoint in the Agntix dashboard (Developer), for"
            + " example from the AGNTIX_WEBHOOK_SECRET environment variable";
    private final SvixSignatureVerifier.Builder verifier = SvixSignatureVerifier.builder();
    private int secrets;
    private JsonLimits limits = JsonLimits.defaults();

    private Builder() {}

    /**
     * Adds a signing secret, shown on the endpoint in the Agntix dashboard (Developer). Call it
     * again to accept the old and the new secret while one is rotated.
     *
     * @param secret the secret, in Svix's {@code whsec_<base64>} form (inferred: Agntix does not
     *     show its format); the prefix is optional
     * @return this builder
     * @throws NullPointerException if the secret is null (an unset environment variable)
     * @throws IllegalArgumentException if the secret is blank or not base64; the message never
     *     contains the secret
     */
    public Builder secret(String secret) {
      Settings.requireText(secret, "Agntix signing secret", SECRET_SOURCE);
      try {
        verifier.secret(secret);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "Agntix signing secret is not a whsec_<base64> value: pass " + SECRET_SOURCE);
      }
      secrets++;
      return this;
    }

    /**
     * Sets how far {@code svix-timestamp} may lie from the clock, in the past or the future.
     *
     * @param tolerance zero or more; default five minutes, the Svix default that Agntix's signature
     *     guide names
     * @return this builder
     */
    public Builder tolerance(Duration tolerance) {
      verifier.tolerance(tolerance);
      return this;
    }

    /**
     * Sets the clock timestamps are checked against.
     *
     * @param clock the clock; default the system UTC clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      verifier.clock(clock);
      return this;
    }

    /**
     * Sets the limits on the body: size, nesting depth, string and number length.
     *
     * @param limits the limits; default {@link JsonLimits#defaults()}
     * @return this builder
     */
    public Builder limits(JsonLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits == null");
      return this;
    }

    /**
     * Builds the parser.
     *
     * @return the parser
     * @throws IllegalStateException if no secret was given
     */
    public AgntixWebhookParser build() {
      if (secrets == 0) {
        throw new IllegalStateException(
            "An Agntix signing secret is required: builder().secret(\"whsec_...\"). To accept"
                + " unsigned deliveries (tests, trusted internal hops only), use"
                + " AgntixWebhookParser.withoutVerification()");
      }
      return new AgntixWebhookParser(verifier.build(), limits, secrets);
    }
  }
}
