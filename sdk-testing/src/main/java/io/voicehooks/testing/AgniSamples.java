package io.voicehooks.testing;

import static io.voicehooks.testing.SampleJson.require;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Sample Agni deliveries. Agni sends one event, {@code call.completed}, whose defaults are the
 * documented example payload field for field (after-call webhook reference).
 *
 * <pre>{@code
 * Sample sample = Samples.agni().callCompleted()
 *     .callSessionId("019d2b3c-0000-7000-8000-000000000001")
 *     .status("no_answer")
 *     .duration(Duration.ZERO)
 *     .transcriptTurns(0)
 *     .build();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class AgniSamples {
  /** The organisation id of the documented example, the default {@code org_id}. */
  public static final String DEFAULT_ORG_ID = "1268c1f0-19f3-47db-aefb-c16a7c3ace6e";

  /** The session id of the documented example, the default {@code data.call_session_id}. */
  public static final String DEFAULT_CALL_SESSION_ID = "019d2b3c-8e9f-7a0b-1c2d-4e5f6a7b8c9d";

  static final String CALL_COMPLETED = "call.completed";
  static final AgniSamples INSTANCE = new AgniSamples();

  private AgniSamples() {}

  /** {@return a builder of a {@code call.completed} delivery, preset to the documented example} */
  public CallCompletedBuilder callCompleted() {
    return new CallCompletedBuilder();
  }

  /**
   * Builds a {@code call.completed} delivery. Every knob sets the field it names; the rest keep the
   * documented example's values. {@code ended_at} follows {@code started_at} plus the duration.
   * {@link #set(String, Object)} and {@link #remove(String)} edit any field after the knobs. Not
   * thread-safe; the samples it builds are immutable.
   */
  public static final class CallCompletedBuilder extends SampleBuilder<CallCompletedBuilder> {
    private static final Duration DOC_DURATION = Duration.ofSeconds(125);
    private static final String[][] DOC_TURNS = {
      {"0", "agent", "Hello! Thanks for calling Acme Support. How can I help you today?"},
      {"3200", "user", "Hi, I wanted to check on my order number 4521."},
      {
        "5800",
        "agent",
        "Of course! Let me look that up for you. Order 4521 shipped yesterday and the tracking"
            + " number is TRK-98765. It should arrive by Friday."
      }
    };

    private String orgId = DEFAULT_ORG_ID;
    private @Nullable String campaignId = "019d2a1b-4c5e-7f8a-9b0c-1d2e3f4a5b6c";
    private @Nullable String contactId = "019d2a1b-5d6f-7a8b-9c0d-2e3f4a5b6c7d";
    private String phone = "+14155550100";
    private String status = "completed";
    private @Nullable Duration duration;
    private String callSessionId = DEFAULT_CALL_SESSION_ID;
    private int attempt = 1;
    private String summary =
        "Customer called about their order #4521. Agent confirmed the order shipped yesterday and"
            + " provided the tracking number. Customer was satisfied.";
    private @Nullable String recordingUrl = "https://storage.agniai.com/rec/019d2b3c-8e9f.mp3";
    private String callerNumber = "+18881234567";
    private String callerName = "John Doe";
    private String callerEmail = "john@example.com";
    private String agentName = "Support Agent";
    private String channel = "voice";
    private String disconnectReason = "customer_hangup";
    private BigDecimal costTotal = new BigDecimal("0.42");
    private long callLatencyMs = 150;
    private Instant startedAt = Instant.parse("2026-03-24T18:30:00Z");
    private String sentiment = "positive";
    private String disposition = "issue_resolved";
    private boolean goalsMet = true;
    private String nextSteps = "No follow-up needed. Customer issue fully resolved.";
    private int transcriptTurns = DOC_TURNS.length;

    CallCompletedBuilder() {
      super(Provider.AGNI, "data.call_session_id");
    }

    /**
     * Sets {@code data.call_session_id}, the id receivers de-duplicate on.
     *
     * @param callSessionId the session id
     * @return this builder
     */
    public CallCompletedBuilder callSessionId(String callSessionId) {
      this.callSessionId = require(callSessionId, "callSessionId");
      return this;
    }

    /**
     * Sets {@code org_id}, which receivers compare with their organisation.
     *
     * @param orgId the organisation id
     * @return this builder
     */
    public CallCompletedBuilder orgId(String orgId) {
      this.orgId = require(orgId, "orgId");
      return this;
    }

    /**
     * Sets {@code data.status}: {@code completed}, {@code failed}, {@code no_answer}, {@code busy},
     * {@code voicemail}, or any other string.
     *
     * @param status the call status
     * @return this builder
     */
    public CallCompletedBuilder status(String status) {
      this.status = require(status, "status");
      return this;
    }

    /**
     * Sets {@code data.duration_sec} (whole seconds, truncated) and with it {@code data.ended_at}.
     * Without it the duration is the documented 125 s, lengthened when a long transcript needs more
     * time.
     *
     * @param duration the call duration, zero or more
     * @return this builder
     */
    public CallCompletedBuilder duration(Duration duration) {
      require(duration, "duration");
      if (duration.isNegative()) {
        throw new IllegalArgumentException("duration must not be negative");
      }
      this.duration = duration;
      return this;
    }

    /**
     * Sets how many entries {@code data.transcripts} holds. The first three are the documented
     * ones; later ones continue that support call, alternating caller and agent, spread over the
     * call with ascending {@code timestamp_ms}. 500 turns make a body of about 120 KB.
     *
     * @param turns the number of transcript entries, zero or more (default 3)
     * @return this builder
     */
    public CallCompletedBuilder transcriptTurns(int turns) {
      if (turns < 0) {
        throw new IllegalArgumentException("turns must not be negative");
      }
      this.transcriptTurns = turns;
      return this;
    }

    /**
     * Sets {@code data.summary}.
     *
     * @param summary the AI summary
     * @return this builder
     */
    public CallCompletedBuilder summary(String summary) {
      this.summary = require(summary, "summary");
      return this;
    }

    /**
     * Sets the external party's number, {@code data.phone}, and {@code data.callee_number}, which
     * holds the same number in the documented (outbound) example.
     *
     * @param phone the number, E.164
     * @return this builder
     */
    public CallCompletedBuilder phone(String phone) {
      this.phone = require(phone, "phone");
      return this;
    }

    /**
     * Sets {@code data.caller_number}.
     *
     * @param callerNumber the number, E.164
     * @return this builder
     */
    public CallCompletedBuilder callerNumber(String callerNumber) {
      this.callerNumber = require(callerNumber, "callerNumber");
      return this;
    }

    /**
     * Sets {@code data.campaign_id}; null writes JSON {@code null}, as Agni does for inbound and
     * web calls.
     *
     * @param campaignId the campaign id, or null
     * @return this builder
     */
    public CallCompletedBuilder campaignId(@Nullable String campaignId) {
      this.campaignId = campaignId;
      return this;
    }

    /**
     * Sets {@code data.contact_id}; null writes JSON {@code null} (caller not a known contact).
     *
     * @param contactId the contact id, or null
     * @return this builder
     */
    public CallCompletedBuilder contactId(@Nullable String contactId) {
      this.contactId = contactId;
      return this;
    }

    /**
     * Sets {@code data.attempt}, the campaign dial attempt.
     *
     * @param attempt the attempt number
     * @return this builder
     */
    public CallCompletedBuilder attempt(int attempt) {
      this.attempt = attempt;
      return this;
    }

    /**
     * Sets {@code data.channel}: {@code voice}, {@code web}, {@code sip}, or any other string.
     *
     * @param channel the channel
     * @return this builder
     */
    public CallCompletedBuilder channel(String channel) {
      this.channel = require(channel, "channel");
      return this;
    }

    /**
     * Sets {@code data.disconnect_reason}: {@code customer_hangup}, {@code agent_hangup}, {@code
     * error}, or any other string.
     *
     * @param disconnectReason the reason
     * @return this builder
     */
    public CallCompletedBuilder disconnectReason(String disconnectReason) {
      this.disconnectReason = require(disconnectReason, "disconnectReason");
      return this;
    }

    /**
     * Sets {@code data.cost_total}, written as a JSON number.
     *
     * @param costTotal the cost; Agni states no currency
     * @return this builder
     */
    public CallCompletedBuilder costTotal(BigDecimal costTotal) {
      this.costTotal = require(costTotal, "costTotal");
      return this;
    }

    /**
     * Sets {@code data.recording_url}; null writes JSON {@code null}.
     *
     * @param recordingUrl the URL, or null
     * @return this builder
     */
    public CallCompletedBuilder recordingUrl(@Nullable String recordingUrl) {
      this.recordingUrl = recordingUrl;
      return this;
    }

    /**
     * Sets {@code data.started_at} and {@code data.created_at}; {@code ended_at} and the transcript
     * entries' {@code created_at} follow.
     *
     * @param startedAt the start of the call
     * @return this builder
     */
    public CallCompletedBuilder startedAt(Instant startedAt) {
      this.startedAt = require(startedAt, "startedAt");
      return this;
    }

    /**
     * Sets {@code data.post_call_analysis.sentiment}: {@code positive}, {@code neutral}, {@code
     * negative}, or any other string.
     *
     * @param sentiment the sentiment
     * @return this builder
     */
    public CallCompletedBuilder sentiment(String sentiment) {
      this.sentiment = require(sentiment, "sentiment");
      return this;
    }

    /**
     * Sets {@code data.post_call_analysis.disposition}, such as {@code meeting_booked}.
     *
     * @param disposition the disposition
     * @return this builder
     */
    public CallCompletedBuilder disposition(String disposition) {
      this.disposition = require(disposition, "disposition");
      return this;
    }

    /**
     * Sets {@code data.post_call_analysis.goals_met}.
     *
     * @param goalsMet whether the agent achieved its objective
     * @return this builder
     */
    public CallCompletedBuilder goalsMet(boolean goalsMet) {
      this.goalsMet = goalsMet;
      return this;
    }

    @Override
    ObjectNode tree() {
      long[] offsets = turnOffsets();
      Duration callDuration = duration != null ? duration : defaultDuration(offsets);

      ObjectNode root = SampleJson.object();
      root.put("event", CALL_COMPLETED);
      root.put("org_id", orgId);
      ObjectNode data = root.putObject("data");
      data.put("campaign_id", campaignId);
      data.put("contact_id", contactId);
      data.put("phone", phone);
      data.put("status", status);
      data.put("duration_sec", callDuration.getSeconds());
      data.put("call_session_id", callSessionId);
      data.put("attempt", attempt);
      data.put("summary", summary);
      data.put("recording_url", recordingUrl);
      data.put("caller_number", callerNumber);
      data.put("callee_number", phone);
      data.put("caller_name", callerName);
      data.put("caller_email", callerEmail);
      data.put("agent_name", agentName);
      data.put("channel", channel);
      data.put("disconnect_reason", disconnectReason);
      data.put("cost_total", costTotal);
      data.put("call_latency_ms", callLatencyMs);
      data.put("started_at", SampleJson.seconds(startedAt));
      data.put("ended_at", SampleJson.seconds(startedAt.plus(callDuration)));
      data.put("created_at", SampleJson.seconds(startedAt));
      ObjectNode analysis = data.putObject("post_call_analysis");
      analysis.put("sentiment", sentiment);
      analysis.put("disposition", disposition);
      analysis.put("goals_met", goalsMet);
      analysis.put("next_steps", nextSteps);
      ArrayNode transcripts = data.putArray("transcripts");
      for (int i = 0; i < offsets.length; i++) {
        boolean agent = i % 2 == 0;
        ObjectNode turn = transcripts.addObject();
        turn.put("id", String.format(Locale.ROOT, "t-%03d", i + 1));
        turn.put("timestamp_ms", offsets[i]);
        turn.put("role", i < DOC_TURNS.length ? DOC_TURNS[i][1] : agent ? "agent" : "user");
        ObjectNode message = turn.putObject("message");
        message.put(
            "content",
            i < DOC_TURNS.length
                ? DOC_TURNS[i][2]
                : agent ? SampleJson.agentLine((i - 3) / 2) : SampleJson.userLine((i - 3) / 2));
        message.put("format", "text");
        turn.put("created_at", SampleJson.seconds(startedAt.plusMillis(offsets[i])));
      }
      return root;
    }

    @Override
    String eventType(ObjectNode body) {
      return SampleJson.text(body, "event");
    }

    /**
     * Offsets of the transcript entries: the documented three, then evenly spaced, fitting inside
     * an explicit duration (ending two seconds before it) or 4.5 s apart.
     */
    private long[] turnOffsets() {
      long[] offsets = new long[transcriptTurns];
      int generated = transcriptTurns - DOC_TURNS.length;
      long step = 4_500;
      if (duration != null && generated > 0) {
        step = Math.max(1, (duration.toMillis() - 5_800 - 2_000) / generated);
      }
      for (int i = 0; i < transcriptTurns; i++) {
        offsets[i] =
            i < DOC_TURNS.length ? Long.parseLong(DOC_TURNS[i][0]) : 5_800 + (i - 2) * step;
      }
      return offsets;
    }

    private static Duration defaultDuration(long[] offsets) {
      if (offsets.length <= DOC_TURNS.length) {
        return DOC_DURATION;
      }
      long lastTurnEndsSeconds = (offsets[offsets.length - 1] + 4_000 + 999) / 1_000;
      return Duration.ofSeconds(Math.max(DOC_DURATION.getSeconds(), lastTurnEndsSeconds));
    }
  }

  @Override
  public String toString() {
    return "AgniSamples";
  }
}
