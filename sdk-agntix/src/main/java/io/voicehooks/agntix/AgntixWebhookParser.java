package io.voicehooks.agntix;

import io.voicehooks.core.JsonLimits;
import io.voicehooks.core.SvixSignatureVerifier;
import io.voicehooks.core.WebhookHandler;
import io.voicehooks.core.WebhookParser;
import io.voicehooks.core.WebhookRequest;
import io.voicehooks.core.internal.EventDeserializer;
import io.voicehooks.core.internal.Settings;
import io.voicehooks.core.internal.ToString;
import io.voicehooks.core.internal.Unverified;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

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
  private final @Nullable SvixSignatureVerifier verifier;
  private final EventDeserializer<AgntixEvent> events;
  private final int secrets;
  private final int publicKeys;
  private final @Nullable Unverified unverified;

  private AgntixWebhookParser(
      @Nullable SvixSignatureVerifier verifier, JsonLimits limits, int secrets, int publicKeys) {
    this(
        verifier,
        EventDeserializer.builder(AgntixEvent.class)
            .typeField("eventType")
            .type(SessionCreatedEvent.EVENT_TYPE, SessionCreatedEvent.class)
            .type(SessionEndedEvent.EVENT_TYPE, SessionEndedEvent.class)
            .unknown(UnknownAgntixEvent::new)
            .limits(limits)
            .build(),
        secrets,
        publicKeys,
        verifier == null
            ? new Unverified(
                AgntixWebhookParser.class,
                "was built WITHOUT signature verification: any sender can forge deliveries. Use"
                    + " it only in tests or behind a hop that has verified them.")
            : null);
  }

  private AgntixWebhookParser(
      @Nullable SvixSignatureVerifier verifier,
      EventDeserializer<AgntixEvent> events,
      int secrets,
      int publicKeys,
      @Nullable Unverified unverified) {
    this.verifier = verifier;
    this.events = events;
    this.secrets = secrets;
    this.publicKeys = publicKeys;
    this.unverified = unverified;
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

  /** {@return a builder; at least one secret or public key is required} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a parser that does <b>not</b> verify signatures: any sender can forge a delivery it
   * accepts. For tests, and for trusted internal hops where a gateway has verified the delivery
   * already; never for an endpoint reachable from the internet. Each such parser logs one warning,
   * the first time it parses a delivery.
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
    return new AgntixWebhookParser(null, limits, 0, 0);
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
    } else if (unverified != null) {
      unverified.warnOnce();
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
    return verifier == null ? this : new AgntixWebhookParser(null, events, 0, 0, null);
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

  /** {@return whether signatures are verified, and with how many secrets and keys; never one} */
  @Override
  public String toString() {
    ToString out = ToString.of(this).add("verification", verifier == null ? "DISABLED" : "svix");
    return verifier == null
        ? out.toString()
        : out.add("secrets", secrets).add("publicKeys", publicKeys).toString();
  }

  /** Builds an {@link AgntixWebhookParser}. Not thread-safe; the parser it builds is. */
  public static final class Builder {
    private static final String SECRET_SOURCE =
        "the whsec_... value shown on the endpoint in the Agntix dashboard (Developer), for"
            + " example from the AGNTIX_WEBHOOK_SECRET environment variable";
    private final SvixSignatureVerifier.Builder verifier = SvixSignatureVerifier.builder();
    private int secrets;
    private int publicKeys;
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
     * Adds a public key for asymmetric ({@code v1a}, ed25519) signatures, which Svix offers as an
     * alternative to the shared secret. Inferred, not documented: Agntix's pages show only the
     * shared secret; the key is accepted because Svix signs with it when an endpoint is so
     * configured. Call it again to accept several keys while one is rotated.
     *
     * @param publicKey {@code whpk_<base64>} of a raw 32-byte ed25519 key or an X.509 (DER) encoded
     *     one; the prefix is optional
     * @return this builder
     * @throws NullPointerException if the key is null (an unset environment variable)
     * @throws IllegalArgumentException if the key is blank or not an ed25519 key; the message never
     *     contains the key
     */
    public Builder publicKey(String publicKey) {
      verifier.publicKey(publicKey);
      publicKeys++;
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
     * @throws IllegalStateException if neither a secret nor a public key was given
     */
    public AgntixWebhookParser build() {
      if (secrets == 0 && publicKeys == 0) {
        throw new IllegalStateException(
            "An Agntix signing secret is required: builder().secret(\"whsec_...\"). To accept"
                + " unsigned deliveries (tests, trusted internal hops only), use"
                + " AgntixWebhookParser.withoutVerification()");
      }
      return new AgntixWebhookParser(verifier.build(), limits, secrets, publicKeys);
    }
  }
}
