package io.voicehooks.testing;

import static io.voicehooks.testing.SampleJson.require;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.voicehooks.core.internal.Digests;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Sample Vaani deliveries: the eleven call lifecycle events, each preset to its documented example
 * payload, and whole calls as ordered lists.
 *
 * <pre>{@code
 * Sample ended = Samples.vaani().callEnded()
 *     .roomName("room_1")
 *     .duration(Duration.ofMillis(42_500))   // "call_duration": 42.5 (seconds)
 *     .build();
 * List<Sample> call = Samples.vaani().lifecycle("room_1", VaaniSamples.Direction.OUTBOUND);
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class VaaniSamples {
  /** The room name of the documented examples, the default {@code room_name}. */
  public static final String DEFAULT_ROOM_NAME = "room_123abc";

  static final VaaniSamples INSTANCE = new VaaniSamples();

  /** The events in the order of the documentation's event table. */
  static final List<String> EVENT_TYPES =
      List.of(
          "call_started",
          "call_ringing",
          "user_picked_up_at",
          "call_rejected",
          "call_no_answer",
          "call_failed",
          "human_transfer_initiated",
          "human_transfer_successful",
          "human_transfer_failed",
          "call_ended",
          "call_postprocessing");

  private static final String DOC_TRANSCRIPT = "User: Hello. Agent: Hi, how can I help you? ...";

  private static final List<String> USER_LINES =
      List.of(
          "I wanted to know if your home cleaning service is available in Mumbai.",
          "I'm in Andheri West, close to the metro station.",
          "How much does a deep clean for a two-bedroom flat cost?",
          "Saturday morning would work best for me.",
          "Yes, please send the confirmation to this number.",
          "No, that's all. Thank you.");

  private static final List<String> AGENT_LINES =
      List.of(
          "Yes, we operate across Mumbai. May I know which area you are in?",
          "Andheri West is fully covered, and we have slots available this week.",
          "A deep clean for a two-bedroom flat is 3,499 rupees, including materials.",
          "I have a team free on Saturday at 10 AM. Shall I book that for you?",
          "Done. You will receive an SMS confirmation with the booking details shortly.",
          "Thank you for calling. Have a great day!");

  /** Which way a call goes; Vaani sends fewer events for inbound calls. */
  public enum Direction {
    /** A call the customer placed: no ringing, rejected, no-answer or failed events. */
    INBOUND,
    /** A call the agent placed: every event can occur. */
    OUTBOUND
  }

  private VaaniSamples() {}

  /** {@return a builder of {@code call_started} (status {@code dialing}, a phone number)} */
  public EventBuilder callStarted() {
    return event("call_started");
  }

  /** {@return a builder of {@code call_ringing} (status {@code ringing})} */
  public EventBuilder callRinging() {
    return event("call_ringing");
  }

  /** {@return a builder of {@code user_picked_up_at} (status {@code active})} */
  public EventBuilder userPickedUp() {
    return event("user_picked_up_at");
  }

  /** {@return a builder of {@code call_rejected} (status {@code rejected})} */
  public EventBuilder callRejected() {
    return event("call_rejected");
  }

  /** {@return a builder of {@code call_no_answer} (status {@code no_answer})} */
  public EventBuilder callNoAnswer() {
    return event("call_no_answer");
  }

  /** {@return a builder of {@code call_failed} (status {@code failed}, a SIP error)} */
  public EventBuilder callFailed() {
    return event("call_failed");
  }

  /** {@return a builder of {@code human_transfer_initiated} (transfer type, target number)} */
  public EventBuilder humanTransferInitiated() {
    return event("human_transfer_initiated");
  }

  /** {@return a builder of {@code human_transfer_successful} (plus the human agent's identity)} */
  public EventBuilder humanTransferSuccessful() {
    return event("human_transfer_successful");
  }

  /** {@return a builder of {@code human_transfer_failed} (plus reason and SIP status)} */
  public EventBuilder humanTransferFailed() {
    return event("human_transfer_failed");
  }

  /** {@return a builder of {@code call_ended} ({@code call_duration} in seconds, end reason)} */
  public EventBuilder callEnded() {
    return event("call_ended");
  }

  /**
   * {@return a builder of {@code call_postprocessing} ({@code call_duration} in milliseconds,
   * transcript, summary, entities, recording URL)}
   */
  public EventBuilder callPostprocessing() {
    return event("call_postprocessing");
  }

  /**
   * Returns a builder of any event type. A documented type gets its documented fields; any other
   * type (to test how a receiver treats events Vaani may add) gets only {@code event} and {@code
   * room_name}.
   *
   * @param eventType the value of the {@code event} field
   * @return the builder
   */
  public EventBuilder event(String eventType) {
    return new EventBuilder(require(eventType, "eventType"));
  }

  /**
   * Returns the deliveries of one answered call, in the order Vaani sends them, all for one room:
   * outbound {@code call_started}, {@code call_ringing}, {@code user_picked_up_at}, {@code
   * call_ended}, {@code call_postprocessing}; inbound the same without {@code call_ringing}. The
   * durations of {@code call_ended} (seconds) and {@code call_postprocessing} (milliseconds) agree.
   * Inbound {@code call_started} keeps the documented example's status and number, as Vaani
   * documents no inbound values.
   *
   * @param roomName the room name of the call
   * @param direction the direction of the call
   * @return the deliveries, in order
   */
  public List<Sample> lifecycle(String roomName, Direction direction) {
    require(roomName, "roomName");
    require(direction, "direction");
    List<String> events =
        direction == Direction.OUTBOUND
            ? List.of(
                "call_started",
                "call_ringing",
                "user_picked_up_at",
                "call_ended",
                "call_postprocessing")
            : List.of("call_started", "user_picked_up_at", "call_ended", "call_postprocessing");
    return events.stream().map(type -> event(type).roomName(roomName).build()).toList();
  }

  @Override
  public String toString() {
    return "VaaniSamples";
  }

  /**
   * Returns the digest the Vaani module puts at the end of a transfer event's key, over the fields
   * it declares for that event (enum values as sent), or null for the events a call sends once.
   */
  static @Nullable String attemptDigest(String eventType, byte[] body) {
    List<String> fields;
    switch (eventType) {
      case "human_transfer_initiated":
        fields = List.of("transfer_type", "phone_number");
        break;
      case "human_transfer_successful":
        fields = List.of("transfer_type", "phone_number", "agent_identity");
        break;
      case "human_transfer_failed":
        fields = List.of("transfer_type", "phone_number", "reason", "sip_status");
        break;
      default:
        return null;
    }
    JsonNode root = SampleJson.read(body);
    String[] namesAndValues = new String[fields.size() * 2];
    for (int i = 0; i < fields.size(); i++) {
      JsonNode value = root.path(fields.get(i));
      namesAndValues[2 * i] = fields.get(i);
      namesAndValues[2 * i + 1] =
          value.isMissingNode() || value.isNull()
              ? null
              : value.isValueNode() ? value.asText() : value.toString();
    }
    return Digests.fieldsDigest(namesAndValues);
  }

  private static Map<String, JsonNode> defaults(String eventType) {
    Map<String, Object> fields = new LinkedHashMap<>();
    switch (eventType) {
      case "call_started":
        fields.put("status", "dialing");
        fields.put("phone_number", "+1234567890");
        break;
      case "call_ringing":
        fields.put("status", "ringing");
        break;
      case "user_picked_up_at":
        fields.put("status", "active");
        break;
      case "call_rejected":
        fields.put("status", "rejected");
        break;
      case "call_no_answer":
        fields.put("status", "no_answer");
        break;
      case "call_failed":
        fields.put("status", "failed");
        fields.put("error", "SIP_404_NOT_FOUND");
        break;
      case "human_transfer_initiated":
        fields.put("transfer_type", "warm");
        fields.put("phone_number", "+919876543210");
        break;
      case "human_transfer_successful":
        fields.put("transfer_type", "warm");
        fields.put("phone_number", "+919876543210");
        fields.put("agent_identity", "human_agent_1712485300");
        break;
      case "human_transfer_failed":
        fields.put("transfer_type", "warm");
        fields.put("phone_number", "+919876543210");
        fields.put("reason", "busy");
        fields.put("sip_status", "busy");
        break;
      case "call_ended":
        fields.put("call_duration", 42.5);
        fields.put("end_reason", "AGENT_REQUESTED_DISCONNECT");
        break;
      case "call_postprocessing":
        fields.put("call_duration", 42_500);
        fields.put("transcript", DOC_TRANSCRIPT);
        fields.put("summary", "Customer called to inquire about service availability in Mumbai.");
        Map<String, Object> entities = new LinkedHashMap<>();
        entities.put("location", "Mumbai");
        entities.put("intent", "service_inquiry");
        fields.put("entities", entities);
        fields.put("recording_url", "https://storage.vaani.ai/recordings/call_123.mp3");
        break;
      default:
        break;
    }
    Map<String, JsonNode> nodes = new LinkedHashMap<>();
    fields.forEach((name, value) -> nodes.put(name, SampleJson.value(value)));
    return nodes;
  }

  /** Builds a transcript string of alternating labelled turns, starting with the caller. */
  static String conversation(int turns) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < turns; i++) {
      if (i > 0) {
        text.append(' ');
      }
      boolean user = i % 2 == 0;
      int k = i / 2;
      String line =
          i == 0
              ? "Hello."
              : i == 1
                  ? "Hi, how can I help you?"
                  : user
                      ? USER_LINES.get((k - 1) % USER_LINES.size())
                      : AGENT_LINES.get((k - 1) % AGENT_LINES.size());
      text.append(user ? "User: " : "Agent: ").append(line);
    }
    return text.toString();
  }

  /**
   * Builds one Vaani delivery. A knob for a field the event does not carry (a duration on {@code
   * call_started}) throws {@link IllegalStateException}; use {@link #set(String, Object)} to add
   * fields Vaani does not document. Not thread-safe; the samples it builds are immutable.
   */
  public static final class EventBuilder extends SampleBuilder<EventBuilder> {
    private final String eventType;
    private final Map<String, JsonNode> fields;
    private String roomName = DEFAULT_ROOM_NAME;

    EventBuilder(String eventType) {
      super(Provider.VAANI, "room_name");
      this.eventType = eventType;
      this.fields = defaults(eventType);
    }

    private EventBuilder field(String knob, String field, JsonNode value) {
      if (!fields.containsKey(field)) {
        throw new IllegalStateException(
            knob + " does not apply to " + eventType + ": it has no " + field + " field");
      }
      fields.put(field, value);
      return this;
    }

    private EventBuilder text(String knob, String field, @Nullable String value) {
      return field(knob, field, SampleJson.value(require(value, knob)));
    }

    /**
     * Sets {@code room_name}, the call's identity (every event).
     *
     * @param roomName the room name
     * @return this builder
     */
    public EventBuilder roomName(String roomName) {
      this.roomName = require(roomName, "roomName");
      return this;
    }

    /**
     * Sets {@code status} (the six call-progress events).
     *
     * @param status the status, such as {@code dialing}
     * @return this builder
     */
    public EventBuilder status(String status) {
      return text("status", "status", status);
    }

    /**
     * Sets {@code phone_number}: the number called ({@code call_started}) or the transfer target
     * (the three transfer events).
     *
     * @param phoneNumber the number, E.164
     * @return this builder
     */
    public EventBuilder phoneNumber(String phoneNumber) {
      return text("phoneNumber", "phone_number", phoneNumber);
    }

    /**
     * Sets {@code error} ({@code call_failed}).
     *
     * @param error the error, such as {@code SIP_404_NOT_FOUND}
     * @return this builder
     */
    public EventBuilder error(String error) {
      return text("error", "error", error);
    }

    /**
     * Sets {@code transfer_type} (the three transfer events).
     *
     * @param transferType the transfer type, such as {@code warm}
     * @return this builder
     */
    public EventBuilder transferType(String transferType) {
      return text("transferType", "transfer_type", transferType);
    }

    /**
     * Sets {@code agent_identity} ({@code human_transfer_successful}).
     *
     * @param agentIdentity the human agent's identity
     * @return this builder
     */
    public EventBuilder agentIdentity(String agentIdentity) {
      return text("agentIdentity", "agent_identity", agentIdentity);
    }

    /**
     * Sets {@code reason} ({@code human_transfer_failed}).
     *
     * @param reason the reason, such as {@code busy}
     * @return this builder
     */
    public EventBuilder reason(String reason) {
      return text("reason", "reason", reason);
    }

    /**
     * Sets {@code sip_status} ({@code human_transfer_failed}), a string in Vaani's example.
     *
     * @param sipStatus the SIP status
     * @return this builder
     */
    public EventBuilder sipStatus(String sipStatus) {
      return text("sipStatus", "sip_status", sipStatus);
    }

    /**
     * Sets {@code end_reason} ({@code call_ended}).
     *
     * @param endReason the reason, such as {@code AGENT_REQUESTED_DISCONNECT}
     * @return this builder
     */
    public EventBuilder endReason(String endReason) {
      return text("endReason", "end_reason", endReason);
    }

    /**
     * Sets {@code call_duration} in the unit of the event: fractional seconds for {@code
     * call_ended} ({@code 42.5}), whole milliseconds for {@code call_postprocessing} ({@code
     * 42500}).
     *
     * @param duration the call duration, zero or more
     * @return this builder
     */
    public EventBuilder duration(Duration duration) {
      require(duration, "duration");
      if (duration.isNegative()) {
        throw new IllegalArgumentException("duration must not be negative");
      }
      long millis = duration.toMillis();
      JsonNode value =
          "call_ended".equals(eventType)
              ? SampleJson.NODES.numberNode(millis / 1000.0)
              : SampleJson.NODES.numberNode(millis);
      return field("duration", "call_duration", value);
    }

    /**
     * Sets {@code transcript} ({@code call_postprocessing}) to a conversation of the given number
     * of turns, {@code "User: Hello. Agent: Hi, how can I help you? User: ..."}, the labels and
     * layout of Vaani's example.
     *
     * @param turns the number of turns, zero or more
     * @return this builder
     */
    public EventBuilder transcriptTurns(int turns) {
      if (turns < 0) {
        throw new IllegalArgumentException("turns must not be negative");
      }
      return text("transcriptTurns", "transcript", conversation(turns));
    }

    /**
     * Sets {@code transcript} ({@code call_postprocessing}) verbatim.
     *
     * @param transcript the transcript text
     * @return this builder
     */
    public EventBuilder transcript(String transcript) {
      return text("transcript", "transcript", transcript);
    }

    /**
     * Sets {@code summary} ({@code call_postprocessing}).
     *
     * @param summary the summary
     * @return this builder
     */
    public EventBuilder summary(String summary) {
      return text("summary", "summary", summary);
    }

    /**
     * Sets {@code recording_url} ({@code call_postprocessing}).
     *
     * @param recordingUrl the URL
     * @return this builder
     */
    public EventBuilder recordingUrl(String recordingUrl) {
      return text("recordingUrl", "recording_url", recordingUrl);
    }

    /**
     * Replaces {@code entities} ({@code call_postprocessing}), the extracted key-value pairs.
     *
     * @param entities names to values (strings, numbers, booleans, null, lists, maps)
     * @return this builder
     */
    public EventBuilder entities(Map<String, ?> entities) {
      return field("entities", "entities", SampleJson.value(require(entities, "entities")));
    }

    /**
     * Adds or replaces one entry of {@code entities} ({@code call_postprocessing}).
     *
     * @param name the entity name
     * @param value the value; null writes JSON {@code null}
     * @return this builder
     */
    public EventBuilder entity(String name, @Nullable Object value) {
      require(name, "name");
      JsonNode current = fields.get("entities");
      ObjectNode entities =
          current instanceof ObjectNode ? ((ObjectNode) current).deepCopy() : SampleJson.object();
      entities.set(name, SampleJson.value(value));
      return field("entity", "entities", entities);
    }

    @Override
    ObjectNode tree() {
      ObjectNode root = SampleJson.object();
      root.put("event", eventType);
      root.put("room_name", roomName);
      fields.forEach((name, value) -> root.set(name, value.deepCopy()));
      return root;
    }

    @Override
    String eventType(ObjectNode body) {
      return SampleJson.text(body, "event");
    }

    @Override
    public String toString() {
      return "VaaniSamples.EventBuilder[" + eventType + "]";
    }
  }
}
