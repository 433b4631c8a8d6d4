package io.voicehooks.testing;

import static io.voicehooks.testing.SampleJson.require;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Sample cllr deliveries: the single post-call payload, which carries no event-type field.
 *
 * <pre>{@code
 * Sample sample = Samples.cllr().postCall()
 *     .callId("693bff62619c51fac21acf50")
 *     .callOutcome("Demo Scheduled")
 *     .build();
 * }</pre>
 *
 * <p>The defaults are the documented example payload, with the documented fields it leaves out
 * ({@code pincode}, {@code age}, ..., {@code interestsAndNeeds}, {@code actionItems}, {@code
 * sentiment}) filled in with plausible values, since a receiver must cope with them; the inner
 * shapes of the three analysis objects are undocumented. Use {@link PostCallBuilder#remove(String)}
 * to leave fields out.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class CllrSamples {
  /** The call id of the documented example, the default {@code callId}. */
  public static final String DEFAULT_CALL_ID = "693bff62619c51fac21acf50";

  /** The type name the VoiceHooks cllr parser gives the post-call payload. */
  static final String POST_CALL = "post_call";

  static final CllrSamples INSTANCE = new CllrSamples();

  private CllrSamples() {}

  /** {@return a builder of the post-call delivery, preset to the documented example} */
  public PostCallBuilder postCall() {
    return new PostCallBuilder();
  }

  @Override
  public String toString() {
    return "CllrSamples";
  }

  /**
   * Builds a cllr post-call delivery. The recording and transcript URIs embed the call id, as in
   * the documented example. Not thread-safe; the samples it builds are immutable.
   */
  public static final class PostCallBuilder extends SampleBuilder<PostCallBuilder> {
    private String callId = DEFAULT_CALL_ID;
    private final Map<String, @Nullable Object> callerDetails = new LinkedHashMap<>();
    private String summary = "Customer called to schedule a product demo...";
    private String mood = "Positive";
    private Number score = 85;
    private String callOutcome = "Demo Scheduled";
    private String classification = "Sales Inquiry";

    PostCallBuilder() {
      super(Provider.CLLR, "callId");
      callerDetails.put("name", "John Smith");
      callerDetails.put("phoneNumber", "+1-555-123-4567");
      callerDetails.put("email", "john.smith@example.com");
      callerDetails.put("scheduledTime", "2025-01-20T10:00:00Z");
      callerDetails.put("address", "123 Main Street");
      callerDetails.put("pincode", "10001");
      callerDetails.put("city", "New York");
      callerDetails.put("state", "NY");
      callerDetails.put("country", "USA");
      callerDetails.put("age", "42");
      callerDetails.put("gender", "Male");
      callerDetails.put("occupation", "Operations Manager");
      callerDetails.put("company", "Smith Logistics LLC");
      callerDetails.put("preferredContactMethod", "Email");
      callerDetails.put("bestTimeToCall", "Weekday mornings");
      callerDetails.put("language", "English");
    }

    /**
     * Sets {@code callId}, the id receivers de-duplicate on, and the URIs that embed it.
     *
     * @param callId the call id
     * @return this builder
     */
    public PostCallBuilder callId(String callId) {
      this.callId = require(callId, "callId");
      return this;
    }

    /**
     * Sets {@code callerDetails.name}.
     *
     * @param name the caller's name
     * @return this builder
     */
    public PostCallBuilder name(String name) {
      return callerDetail("name", require(name, "name"));
    }

    /**
     * Sets {@code callerDetails.phoneNumber}, the only phone number cllr sends.
     *
     * @param phoneNumber the number, in any format (the example uses {@code +1-555-123-4567})
     * @return this builder
     */
    public PostCallBuilder phoneNumber(String phoneNumber) {
      return callerDetail("phoneNumber", require(phoneNumber, "phoneNumber"));
    }

    /**
     * Sets {@code callerDetails.email}.
     *
     * @param email the caller's email address
     * @return this builder
     */
    public PostCallBuilder email(String email) {
      return callerDetail("email", require(email, "email"));
    }

    /**
     * Sets, or with null removes, one of {@code callerDetails}: all are strings in cllr's
     * documentation, {@code age} included.
     *
     * @param name the key, such as {@code city}
     * @param value the value, or null to leave the key out
     * @return this builder
     */
    public PostCallBuilder callerDetail(String name, @Nullable String value) {
      require(name, "name");
      if (value == null) {
        callerDetails.remove(name);
      } else {
        callerDetails.put(name, value);
      }
      return this;
    }

    /**
     * Sets {@code callAnalysis.summary}.
     *
     * @param summary the summary
     * @return this builder
     */
    public PostCallBuilder summary(String summary) {
      this.summary = require(summary, "summary");
      return this;
    }

    /**
     * Sets {@code callAnalysis.mood}.
     *
     * @param mood the mood, such as {@code Positive}
     * @return this builder
     */
    public PostCallBuilder mood(String mood) {
      this.mood = require(mood, "mood");
      return this;
    }

    /**
     * Sets {@code callAnalysis.score}, 0 to 100 per cllr's table.
     *
     * @param score the score
     * @return this builder
     */
    public PostCallBuilder score(Number score) {
      this.score = require(score, "score");
      return this;
    }

    /**
     * Sets {@code callAnalysis.callOutcome}, cllr's closest thing to a call status.
     *
     * @param callOutcome the outcome, such as {@code Appointment Scheduled}
     * @return this builder
     */
    public PostCallBuilder callOutcome(String callOutcome) {
      this.callOutcome = require(callOutcome, "callOutcome");
      return this;
    }

    /**
     * Sets {@code callAnalysis.classification}.
     *
     * @param classification the classification
     * @return this builder
     */
    public PostCallBuilder classification(String classification) {
      this.classification = require(classification, "classification");
      return this;
    }

    @Override
    ObjectNode tree() {
      ObjectNode root = SampleJson.object();
      root.put("callId", callId);
      root.put(
          "recordingUri",
          "https://storage.example.com/recordings/" + callId + "/call_recording.ogg");
      root.put(
          "transcriptUri",
          "https://storage.example.com/transcripts/transcript_" + callId + ".json");
      root.set("callerDetails", SampleJson.value(callerDetails));
      ObjectNode analysis = root.putObject("callAnalysis");
      analysis.put("summary", summary);
      analysis.put("mood", mood);
      analysis.set("score", SampleJson.value(score));
      analysis.put("callOutcome", callOutcome);
      analysis.put("classification", classification);
      ObjectNode interests = analysis.putObject("interestsAndNeeds");
      interests.putArray("interests").add("product demo").add("team pricing");
      interests.putArray("needs").add("onboarding for 20 users");
      ObjectNode actions = analysis.putObject("actionItems");
      actions.put("followUp", "Send the demo invitation and pricing sheet");
      actions.put("dueBy", "2025-01-19");
      ObjectNode sentiment = analysis.putObject("sentiment");
      sentiment.put("overall", "Positive");
      sentiment.put("score", 0.8);
      return root;
    }

    @Override
    String eventType(ObjectNode body) {
      return POST_CALL;
    }

    @Override
    public String toString() {
      return "CllrSamples.PostCallBuilder";
    }
  }
}
