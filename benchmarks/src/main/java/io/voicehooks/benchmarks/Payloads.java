package io.voicehooks.benchmarks;

import io.voicehooks.fixtures.Fixtures;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The payloads every benchmark reads: the providers' documented examples from test-fixtures (see
 * {@link Fixtures}), and a long Agni call made by a small deterministic generator, so that each run
 * measures the same bytes.
 */
public final class Payloads {
  /** The number of transcript turns in {@link #agniLongCall()}. */
  public static final int LONG_CALL_TURNS = 500;

  private static final String[] AGENT_LINES = {
    "Thanks for walking me through that; could you tell me a little more about how your team"
        + " handles the hand-off between the night shift and the morning shift today?",
    "Let me note that down so the account manager has the full picture before the demo, including"
        + " the two integrations you mentioned and the reporting you need every Monday.",
    "Would a short demo next week help your colleagues evaluate it? I can also send the pricing"
        + " sheet and the security questionnaire our customers usually ask for first.",
    "That makes sense. Most teams of your size start with one queue and add the others once the"
        + " routing rules are settled, which usually takes a couple of weeks in practice.",
  };

  private static final String[] USER_LINES = {
    "Our budget is approved for this quarter, but procurement needs two quotes and a reference"
        + " customer in the same industry before they will sign anything at all.",
    "Right now it is mostly spreadsheets and a shared inbox, and things fall through the cracks"
        + " whenever somebody is on leave or the volume spikes after a campaign.",
    "Tuesday or Wednesday afternoon would work for a demo; please include our operations lead,"
        + " she will be the one living with the tool day to day.",
    "We tried something similar two years ago and the main complaint was the latency on calls,"
        + " so that is the first thing my team is going to test.",
  };

  private Payloads() {}

  /** {@return the documented Agni {@code call.completed} example, about 2 KB} */
  public static byte[] agniCallCompleted() {
    return Fixtures.bytes("agni", "call.completed.json");
  }

  /** {@return the documented Agntix {@code session.ended} example, with its analysis} */
  public static byte[] agntixSessionEnded() {
    return Fixtures.bytes("agntix", "session.ended.json");
  }

  /** {@return the documented cllr post-call example} */
  public static byte[] cllrPostCall() {
    return Fixtures.bytes("cllr", "post_call.json");
  }

  /** {@return the documented example of every Vaani event, in lifecycle order} */
  public static List<byte[]> vaaniEvents() {
    List<byte[]> bodies = new ArrayList<>(Fixtures.VAANI_EVENT_TYPES.size());
    for (String event : Fixtures.VAANI_EVENT_TYPES) {
      bodies.add(Fixtures.bytes("vaani", event + ".json"));
    }
    return bodies;
  }

  /**
   * Generates a long Agni {@code call.completed}: a half-hour call with {@value #LONG_CALL_TURNS}
   * transcript turns, about 200 KB, laid out like Agni's documented example. The same bytes every
   * time.
   *
   * @return the body
   */
  public static byte[] agniLongCall() {
    Instant start = Instant.parse("2026-03-24T14:00:00Z");
    StringBuilder json = new StringBuilder(210_000);
    json.append("{\n")
        .append("  \"event\": \"call.completed\",\n")
        .append("  \"org_id\": \"")
        .append(Fixtures.AGNI_ORG_ID)
        .append("\",\n")
        .append("  \"data\": {\n")
        .append("    \"campaign_id\": \"019d2a1b-4c5e-7f8a-9b0c-1d2e3f4a5b6c\",\n")
        .append("    \"contact_id\": \"019d2a1b-5d6f-7a8b-9c0d-2e3f4a5b6c7d\",\n")
        .append("    \"phone\": \"+14155550100\",\n")
        .append("    \"status\": \"completed\",\n")
        .append("    \"duration_sec\": 1800,\n")
        .append("    \"call_session_id\": \"019d2b3c-dddd-7a0b-1c2d-4e5f6a7b8c9d\",\n")
        .append("    \"attempt\": 2,\n")
        .append("    \"summary\": \"Long discovery call; demo requested for next week.\",\n")
        .append("    \"recording_url\": \"https://storage.agniai.com/rec/019d2b3c-dddd.mp3\",\n")
        .append("    \"caller_number\": \"+18881234567\",\n")
        .append("    \"callee_number\": \"+14155550100\",\n")
        .append("    \"caller_name\": \"Jane Roe\",\n")
        .append("    \"caller_email\": \"jane@example.com\",\n")
        .append("    \"agent_name\": \"Sales Agent\",\n")
        .append("    \"channel\": \"sip\",\n")
        .append("    \"disconnect_reason\": \"agent_hangup\",\n")
        .append("    \"cost_total\": 3.85,\n")
        .append("    \"call_latency_ms\": 180,\n")
        .append("    \"started_at\": \"2026-03-24T14:00:00Z\",\n")
        .append("    \"ended_at\": \"2026-03-24T14:30:00Z\",\n")
        .append("    \"created_at\": \"2026-03-24T14:00:00Z\",\n")
        .append("    \"post_call_analysis\": {\n")
        .append("      \"sentiment\": \"positive\",\n")
        .append("      \"disposition\": \"meeting_booked\",\n")
        .append("      \"goals_met\": true,\n")
        .append("      \"next_steps\": \"Send two quotes; demo on Tuesday afternoon.\"\n")
        .append("    },\n")
        .append("    \"transcripts\": [\n");
    for (int turn = 1; turn <= LONG_CALL_TURNS; turn++) {
      boolean agent = turn % 2 == 1;
      String[] lines = agent ? AGENT_LINES : USER_LINES;
      long offsetMs = (turn - 1) * 3_600L;
      json.append("      {\n")
          .append("        \"id\": \"t-")
          .append(String.format("%03d", turn))
          .append("\",\n")
          .append("        \"timestamp_ms\": ")
          .append(offsetMs)
          .append(",\n")
          .append("        \"role\": \"")
          .append(agent ? "agent" : "user")
          .append("\",\n")
          .append("        \"message\": {\n")
          .append("          \"content\": \"")
          .append(lines[(turn / 2) % lines.length])
          .append(" (turn ")
          .append(turn)
          .append(")\",\n")
          .append("          \"format\": \"text\"\n")
          .append("        },\n")
          .append("        \"created_at\": \"")
          .append(start.plusMillis(offsetMs))
          .append("\"\n")
          .append(turn < LONG_CALL_TURNS ? "      },\n" : "      }\n");
    }
    json.append("    ]\n").append("  }\n").append("}\n");
    return json.toString().getBytes(StandardCharsets.UTF_8);
  }
}
