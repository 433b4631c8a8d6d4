package io.voicehooks.testing;

import static io.voicehooks.testing.SampleJson.require;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Sample Agntix deliveries: {@code session.created} and {@code session.ended} (with the post-call
 * analysis), flat envelopes keyed by the session id, optionally signed the way Svix signs them.
 *
 * <pre>{@code
 * SvixSigner signer = SvixSigner.withSecret(System.getenv("AGNTIX_WEBHOOK_SECRET"));
 * Sample ended = Samples.agntix().sessionEnded()
 *     .sessionId("4981804c-2658-4893-84ff-9c2fa90fb3c2")
 *     .sessionVariable("crmContactId", "CRM-7728")
 *     .signedWith(signer)
 *     .build();
 * }</pre>
 *
 * <p>The {@code session.created} fields are the documented ones (Event types page). Agntix's page
 * is cut off before the {@code session.ended} block, so its shape is {@code session.created} plus
 * the session fields and the {@code analysis} block of the documented session GET example, the
 * shape the Agntix module parses. Agntix webhooks carry no transcript.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class AgntixSamples {
  /** The session id of the documented example, the default {@code id}. */
  public static final String DEFAULT_SESSION_ID = "4981804c-2658-4893-84ff-9c2fa90fb3c2";

  static final String SESSION_CREATED = "session.created";
  static final String SESSION_ENDED = "session.ended";
  static final AgntixSamples INSTANCE = new AgntixSamples();

  private AgntixSamples() {}

  /** {@return a builder of {@code session.created}, sent when a call is initiated} */
  public SessionBuilder sessionCreated() {
    return new SessionBuilder(SESSION_CREATED);
  }

  /** {@return a builder of {@code session.ended}, sent when it closes, with the analysis} */
  public SessionBuilder sessionEnded() {
    return new SessionBuilder(SESSION_ENDED);
  }

  @Override
  public String toString() {
    return "AgntixSamples";
  }

  /**
   * Builds one Agntix session delivery. The analysis knobs apply to {@code session.ended} only and
   * throw {@link IllegalStateException} on {@code session.created}. {@link #set(String, Object)}
   * and {@link #remove(String)} edit any field after the knobs and before signing. Not thread-safe;
   * the samples it builds are immutable.
   */
  public static final class SessionBuilder extends SampleBuilder<SessionBuilder> {
    private final String eventType;
    private final boolean ended;
    private String sessionId = DEFAULT_SESSION_ID;
    private String type = "VOICE";
    private String platform = "PHONE";
    private String direction = "OUTBOUND";
    private String agentId = "40235145-aa3d-443e-9d0c-841dd0716a2f";
    private Instant createdAt = Instant.parse("2026-04-08T05:00:01.130Z");
    private Duration duration = Duration.ofMillis(9_416);
    private String phoneNumber = "+971501234567";
    private @Nullable String roomName;
    private final Map<String, @Nullable Object> sessionVariables = new LinkedHashMap<>();
    private String summary = "Customer confirmed delivery slot for Wednesday afternoon.";
    private String resolution = "RESOLVED";
    private String sentiment = "POSITIVE";
    private final Map<String, @Nullable Object> extractedData = new LinkedHashMap<>();
    private @Nullable SvixSigner signer;
    private @Nullable String msgId;
    private @Nullable Instant signedAt;

    SessionBuilder(String eventType) {
      super(Provider.AGNTIX, "id");
      this.eventType = eventType;
      this.ended = SESSION_ENDED.equals(eventType);
      sessionVariables.put("crmContactId", "CRM-7728");
      sessionVariables.put("customerName", "Alex Morgan");
      extractedData.put("deliverySlot", "Wednesday afternoon");
      extractedData.put("orderNumber", 55012);
      extractedData.put("confirmed", true);
    }

    private void requireEnded(String knob) {
      if (!ended) {
        throw new IllegalStateException(knob + " does not apply to " + eventType);
      }
    }

    /**
     * Sets {@code id}, the session UUID receivers de-duplicate on.
     *
     * @param sessionId the session id
     * @return this builder
     */
    public SessionBuilder sessionId(String sessionId) {
      this.sessionId = require(sessionId, "sessionId");
      return this;
    }

    /**
     * Sets {@code agentId}; the default room name follows it.
     *
     * @param agentId the agent's UUID
     * @return this builder
     */
    public SessionBuilder agentId(String agentId) {
      this.agentId = require(agentId, "agentId");
      return this;
    }

    /**
     * Sets {@code type}, the session type: {@code VOICE}, {@code CHAT}, or any other string.
     *
     * @param type the session type
     * @return this builder
     */
    public SessionBuilder type(String type) {
      this.type = require(type, "type");
      return this;
    }

    /**
     * Sets {@code platform}: {@code PHONE}, {@code WEB}, {@code WHATSAPP}, or any other string.
     *
     * @param platform the platform
     * @return this builder
     */
    public SessionBuilder platform(String platform) {
      this.platform = require(platform, "platform");
      return this;
    }

    /**
     * Sets {@code direction}: {@code INBOUND}, {@code OUTBOUND}, or any other string.
     *
     * @param direction the direction
     * @return this builder
     */
    public SessionBuilder direction(String direction) {
      this.direction = require(direction, "direction");
      return this;
    }

    /**
     * Sets {@code createdAt}; the end timestamps of {@code session.ended} follow.
     *
     * @param createdAt when the session was created
     * @return this builder
     */
    public SessionBuilder createdAt(Instant createdAt) {
      this.createdAt = require(createdAt, "createdAt");
      return this;
    }

    /**
     * Sets {@code metadata.customerPhoneNumber}.
     *
     * @param phoneNumber the customer's number, E.164
     * @return this builder
     */
    public SessionBuilder phoneNumber(String phoneNumber) {
      this.phoneNumber = require(phoneNumber, "phoneNumber");
      return this;
    }

    /**
     * Sets {@code metadata.roomName}; by default {@code <direction>_sip_<agentId>^__^7yoamyb}, the
     * documented pattern.
     *
     * @param roomName the room name
     * @return this builder
     */
    public SessionBuilder roomName(String roomName) {
      this.roomName = require(roomName, "roomName");
      return this;
    }

    /**
     * Adds or replaces one entry of {@code metadata.sessionVariables}, the correlation values given
     * when the call was triggered (by default {@code crmContactId} and {@code customerName}).
     *
     * @param name the variable name
     * @param value the value; null writes JSON {@code null}
     * @return this builder
     */
    public SessionBuilder sessionVariable(String name, @Nullable Object value) {
      sessionVariables.put(require(name, "name"), value);
      return this;
    }

    /**
     * Replaces all of {@code metadata.sessionVariables}.
     *
     * @param variables names to values
     * @return this builder
     */
    public SessionBuilder sessionVariables(Map<String, ?> variables) {
      require(variables, "variables");
      sessionVariables.clear();
      sessionVariables.putAll(variables);
      return this;
    }

    /**
     * Sets the length of the session ({@code session.ended}): {@code endedAt} is {@code createdAt}
     * plus it, with {@code lastActivityAt} and {@code updatedAt} just before and after.
     *
     * @param duration the session length, zero or more
     * @return this builder
     */
    public SessionBuilder duration(Duration duration) {
      requireEnded("duration");
      require(duration, "duration");
      if (duration.isNegative()) {
        throw new IllegalArgumentException("duration must not be negative");
      }
      this.duration = duration;
      return this;
    }

    /**
     * Sets {@code analysis.summary} ({@code session.ended}).
     *
     * @param summary the summary
     * @return this builder
     */
    public SessionBuilder summary(String summary) {
      requireEnded("summary");
      this.summary = require(summary, "summary");
      return this;
    }

    /**
     * Sets {@code analysis.resolution.classification} ({@code session.ended}): {@code RESOLVED},
     * {@code PARTIALLY_RESOLVED}, {@code UNRESOLVED}, {@code NOT_APPLICABLE}, or any other string.
     *
     * @param classification the resolution classification
     * @return this builder
     */
    public SessionBuilder resolution(String classification) {
      requireEnded("resolution");
      this.resolution = require(classification, "classification");
      return this;
    }

    /**
     * Sets {@code analysis.sentiment.conversation.label} ({@code session.ended}): {@code POSITIVE},
     * {@code NEUTRAL}, {@code NEGATIVE}, or any other string.
     *
     * @param label the sentiment label
     * @return this builder
     */
    public SessionBuilder sentiment(String label) {
      requireEnded("sentiment");
      this.sentiment = require(label, "label");
      return this;
    }

    /**
     * Adds or replaces one entry of {@code analysis.extractedData} ({@code session.ended}), the
     * agent's user-defined extraction fields.
     *
     * @param name the field name
     * @param value the value; null writes JSON {@code null}
     * @return this builder
     */
    public SessionBuilder extractedData(String name, @Nullable Object value) {
      requireEnded("extractedData");
      extractedData.put(require(name, "name"), value);
      return this;
    }

    /**
     * Signs the delivery under a new message id, stamped when {@link #build()} runs. {@link
     * WebhookSimulator} re-signs a signed sample on every attempt with the same signer and message
     * id and a fresh timestamp.
     *
     * @param signer the signer holding the endpoint's secret or private key
     * @return this builder
     */
    public SessionBuilder signedWith(SvixSigner signer) {
      this.signer = require(signer, "signer");
      this.msgId = null;
      this.signedAt = null;
      return this;
    }

    /**
     * Signs the delivery under a given message id and timestamp.
     *
     * @param signer the signer
     * @param msgId the message id ({@code svix-id})
     * @param timestamp the signature time ({@code svix-timestamp}); receivers reject it when it is
     *     more than their tolerance (usually five minutes) away from their clock
     * @return this builder
     */
    public SessionBuilder signedWith(SvixSigner signer, String msgId, Instant timestamp) {
      this.signer = require(signer, "signer");
      this.msgId = require(msgId, "msgId");
      this.signedAt = require(timestamp, "timestamp");
      return this;
    }

    @Override
    ObjectNode tree() {
      ObjectNode root = SampleJson.object();
      root.put("eventType", eventType);
      root.put("id", sessionId);
      root.put("type", type);
      root.put("platform", platform);
      root.put("direction", direction);
      root.put("state", ended ? "CLOSED" : "OPEN");
      root.put("agentId", agentId);
      root.put("createdAt", SampleJson.millis(createdAt));
      if (ended) {
        Instant endedAt = createdAt.plus(duration);
        Instant lastActivity = endedAt.minusMillis(565);
        root.put(
            "lastActivityAt",
            SampleJson.millis(lastActivity.isBefore(createdAt) ? createdAt : lastActivity));
        root.put("endedAt", SampleJson.millis(endedAt));
        root.put("updatedAt", SampleJson.millis(endedAt.plusMillis(56)));
      }
      ObjectNode metadata = root.putObject("metadata");
      metadata.put("customerPhoneNumber", phoneNumber);
      metadata.put(
          "roomName",
          roomName != null
              ? roomName
              : direction.toLowerCase(Locale.ROOT) + "_sip_" + agentId + "^__^7yoamyb");
      metadata.set("sessionVariables", SampleJson.value(sessionVariables));
      if (ended) {
        root.set("analysis", analysis());
      }
      return root;
    }

    @Override
    String eventType(ObjectNode body) {
      return SampleJson.text(body, "eventType");
    }

    @Override
    Sample signed(Sample sample) {
      if (signer == null) {
        return sample;
      }
      return msgId != null && signedAt != null
          ? sample.signedWith(signer, msgId, signedAt)
          : sample.signedWith(signer);
    }

    private ObjectNode analysis() {
      ObjectNode analysis = SampleJson.object();
      analysis.put("summary", summary);
      ObjectNode intent = analysis.putObject("intent");
      ObjectNode conversation = intent.putObject("conversation");
      conversation.put("intent", "Slot-Confirmed");
      conversation.put("confidence", 0.92);
      conversation.put("explanation", "Customer agreed to Wednesday afternoon delivery.");
      ObjectNode message = intent.putObject("message");
      message.putNull("intent");
      message.put("confidence", 0);
      message.put("explanation", "The triggering message carried no distinct intent.");
      ObjectNode resolutionNode = analysis.putObject("resolution");
      resolutionNode.put("classification", resolution);
      resolutionNode.put("confidenceScore", 0.88);
      resolutionNode.put("status", "Completed");
      resolutionNode.putArray("satisfiedChecklistItems").add("delivery_slot_agreed");
      resolutionNode.putArray("evidence").add("Customer: yes Wednesday afternoon works.");
      resolutionNode.put("explanation", "Customer agreed to a specific slot.");
      ObjectNode sentimentNode = analysis.putObject("sentiment").putObject("conversation");
      sentimentNode.put("label", sentiment);
      sentimentNode.put("score", 0.64);
      sentimentNode.put("language", "en");
      analysis.set("extractedData", SampleJson.value(extractedData));
      return analysis;
    }

    @Override
    public String toString() {
      return "AgntixSamples.SessionBuilder[" + eventType + "]";
    }
  }
}
