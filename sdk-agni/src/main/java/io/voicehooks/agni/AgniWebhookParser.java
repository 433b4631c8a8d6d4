package io.voicehooks.agni;

import io.voicehooks.core.JsonLimits;
import io.voicehooks.core.UnknownEvent;
import io.voicehooks.core.WebhookHandler;
import io.voicehooks.core.WebhookParser;
import io.voicehooks.core.WebhookRequest;
import io.voicehooks.core.WebhookVerificationException;
import io.voicehooks.core.WebhookVerificationException.Reason;
import io.voicehooks.core.internal.EventDeserializer;
import io.voicehooks.core.internal.Settings;
import io.voicehooks.core.internal.ToString;
import io.voicehooks.core.internal.Unverified;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Parses Agni deliveries into {@link AgniEvent}s and checks that each comes from an expected
 * organisation.
 *
 * <pre>{@code
 * AgniWebhookParser parser = AgniWebhookParser.builder()
 *     .expectedOrgId("1268c1f0-19f3-47db-aefb-c16a7c3ace6e")
 *     .build();
 * AgniEvent event = parser.parse(WebhookRequest.of(headers, rawBody));
 * }</pre>
 *
 * <p>Agni signs nothing: no signature header, no secret. Its docs tell receivers to check the
 * envelope's {@code org_id} instead, and this parser does so for every event type, after parsing: a
 * delivery whose {@code org_id} is absent or not one of the expected organisations fails with a
 * {@link WebhookVerificationException} ({@link Reason#UNEXPECTED_ORGANIZATION}; HTTP 401 from a
 * {@link WebhookHandler}). Ids are compared ignoring case and surrounding spaces, as UUIDs allow.
 * An {@code org_id} is not a secret, so treat the check as a guard against misrouted deliveries;
 * for authenticity, also give Agni an unguessable webhook URL.
 *
 * <p>A parser built without an expected organisation accepts every {@code org_id}, and logs one
 * warning saying so, the first time it parses a delivery (once per parser instance).
 *
 * <p>Instances are immutable and thread-safe; build one and share it.
 */
public final class AgniWebhookParser implements WebhookParser<AgniEvent> {
  private final EventDeserializer<AgniEvent> events;
  private final List<byte[]> expectedOrgIds;
  private final Unverified unverified =
      new Unverified(
          AgniWebhookParser.class,
          "has no expected org_id, so it accepts deliveries from any organisation; configure"
              + " AgniWebhookParser.builder().expectedOrgId(...)");

  private AgniWebhookParser(Builder builder) {
    this.events =
        EventDeserializer.builder(AgniEvent.class)
            .typeField("event")
            .type(CallCompletedEvent.EVENT_TYPE, CallCompletedEvent.class)
            .unknown(UnknownAgniEvent::new)
            .limits(builder.limits)
            .build();
    List<byte[]> ids = new ArrayList<>(builder.orgIds.size());
    for (String id : builder.orgIds) {
      ids.add(id.getBytes(StandardCharsets.UTF_8));
    }
    this.expectedOrgIds = List.copyOf(ids);
  }

  /**
   * Returns a parser with the default limits that accepts deliveries from any organisation (and
   * warns once that it does). Prefer {@link #builder()} with {@link Builder#expectedOrgId(String)}.
   *
   * @return the parser
   */
  public static AgniWebhookParser create() {
    return builder().build();
  }

  /** {@return a builder for a parser with expected organisations or other limits} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Parses one delivery and checks its organisation.
   *
   * @param request the delivery as received
   * @return {@link CallCompletedEvent}, or {@link UnknownAgniEvent} for any other event type
   * @throws WebhookVerificationException if organisations are expected and the delivery's {@code
   *     org_id} is absent or not one of them
   * @throws io.voicehooks.core.PayloadTooLargeException if the body is over the size limit
   * @throws io.voicehooks.core.WebhookParseException if the body is not a JSON object, has no
   *     {@code event}, or is a {@code call.completed} without a {@code data} object or without
   *     {@code data.call_session_id} (or {@code data.call_id})
   */
  @Override
  public AgniEvent parse(WebhookRequest request) {
    Objects.requireNonNull(request, "request == null");
    AgniEvent event = events.deserialize(request);
    checkOrganization(event);
    return event;
  }

  /**
   * Returns a handler that sends each event to the listener, with the handler's defaults
   * (synchronous dispatch, in-memory de-duplication, this parser's body limit). {@link
   * WebhookHandler#builder(WebhookParser)} with this parser gives every option.
   *
   * @param listener receives each distinct event once
   * @return the handler
   */
  public WebhookHandler handler(AgniEventListener listener) {
    Objects.requireNonNull(listener, "listener == null");
    return WebhookHandler.builder(this).listener(listener).build();
  }

  private void checkOrganization(AgniEvent event) {
    if (expectedOrgIds.isEmpty()) {
      unverified.warnOnce();
      return;
    }
    String orgId = event.orgId();
    if (orgId == null || orgId.isBlank()) {
      throw new WebhookVerificationException(
          Reason.UNEXPECTED_ORGANIZATION,
          "Missing field 'org_id' in " + where(event) + ": organisation unchecked");
    }
    if (!isExpected(orgId)) {
      throw new WebhookVerificationException(
          Reason.UNEXPECTED_ORGANIZATION,
          "Field 'org_id' in " + where(event) + " is not an expected organisation");
    }
  }

  /** An unknown event's type is text from the sender, so it is never put in a message. */
  private static String where(AgniEvent event) {
    return event instanceof UnknownEvent ? "an unknown event" : "'" + event.eventType() + "' event";
  }

  private boolean isExpected(String orgId) {
    byte[] actual = normalize(orgId).getBytes(StandardCharsets.UTF_8);
    boolean match = false;
    for (byte[] expected : expectedOrgIds) {
      match |= MessageDigest.isEqual(expected, actual);
    }
    return match;
  }

  private static String normalize(String orgId) {
    return orgId.trim().toLowerCase(Locale.ROOT);
  }

  /** {@return how many organisations are expected; never their ids} */
  @Override
  public int maxBodyBytes() {
    return events.maxBodyBytes();
  }

  @Override
  public String toString() {
    return ToString.of(this).add("expectedOrgIds", expectedOrgIds.size()).toString();
  }

  /** Builds an {@link AgniWebhookParser}. Not thread-safe; the parser it builds is. */
  public static final class Builder {
    private final Set<String> orgIds = new LinkedHashSet<>();
    private JsonLimits limits = JsonLimits.defaults();

    private Builder() {}

    /**
     * Adds an organisation whose deliveries are accepted; call once per organisation. Once any is
     * set, deliveries from other organisations, or without {@code org_id}, are rejected.
     *
     * @param orgId the organisation's id as Agni sends it in {@code org_id} (a UUID)
     * @return this builder
     * @throws NullPointerException if {@code orgId} is null (an unset environment variable)
     * @throws IllegalArgumentException if {@code orgId} is blank
     */
    public Builder expectedOrgId(String orgId) {
      Settings.requireText(
          orgId,
          "Agni organisation id (expectedOrgId)",
          "your Agni organisation's UUID, the org_id its deliveries carry, for example from the"
              + " AGNI_ORG_ID environment variable");
      orgIds.add(normalize(orgId));
      return this;
    }

    /**
     * Adds several organisations whose deliveries are accepted, as {@link #expectedOrgId(String)}
     * does for each.
     *
     * @param orgIds the organisations' ids
     * @return this builder
     * @throws IllegalArgumentException if any id is blank
     */
    public Builder expectedOrgIds(Collection<String> orgIds) {
      Objects.requireNonNull(orgIds, "orgIds == null");
      for (String orgId : orgIds) {
        expectedOrgId(orgId);
      }
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
    public AgniWebhookParser build() {
      return new AgniWebhookParser(this);
    }
  }
}
