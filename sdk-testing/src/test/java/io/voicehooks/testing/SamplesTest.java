package io.voicehooks.testing;

import static io.voicehooks.testing.TestJson.fixture;
import static io.voicehooks.testing.TestJson.parse;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.voicehooks.core.WebhookHeaders;
import io.voicehooks.core.WebhookRequest;
import io.voicehooks.core.internal.Digests;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

final class SamplesTest {

  @Test
  void all_holdsOneSampleOfEveryEventOfEveryProvider() {
    List<Sample> all = Samples.all();

    assertThat(all)
        .extracting(s -> s.provider().id() + ":" + s.eventType())
        .containsExactly(
            "agni:call.completed",
            "vaani:call_started",
            "vaani:call_ringing",
            "vaani:user_picked_up_at",
            "vaani:call_rejected",
            "vaani:call_no_answer",
            "vaani:call_failed",
            "vaani:human_transfer_initiated",
            "vaani:human_transfer_successful",
            "vaani:human_transfer_failed",
            "vaani:call_ended",
            "vaani:call_postprocessing",
            "agntix:session.created",
            "agntix:session.ended",
            "cllr:post_call");
    assertThat(all).allSatisfy(s -> assertThat(s.id()).isNotEmpty());
    assertThat(all).noneMatch(Sample::signed);
  }

  @Test
  void all_everyBodyIsValidJsonWithTheTypeFieldFirst() {
    for (Sample sample : Samples.all()) {
      JsonNode json = parse(sample);
      String first = json.fieldNames().next();
      switch (sample.provider()) {
        case AGNI:
        case VAANI:
          assertThat(first).as(sample.toString()).isEqualTo("event");
          assertThat(json.get("event").asText()).isEqualTo(sample.eventType());
          break;
        case AGNTIX:
          assertThat(first).as(sample.toString()).isEqualTo("eventType");
          assertThat(json.get("eventType").asText()).isEqualTo(sample.eventType());
          break;
        case CLLR:
          assertThat(first).as("cllr has no type field").isEqualTo("callId");
          break;
      }
      assertThat(sample.headers().first("content-type")).isEqualTo("application/json");
    }
  }

  @Test
  void agni_default_isTheDocumentedExampleInDocumentedOrder() {
    Sample sample = Samples.agni().callCompleted().build();
    JsonNode expected = fixture("agni", "call.completed.json");

    assertThat(parse(sample)).isEqualTo(expected);
    assertThat(TestJson.fieldOrder(parse(sample))).isEqualTo(TestJson.fieldOrder(expected));
    assertThat(sample.provider()).isEqualTo(Provider.AGNI);
    assertThat(sample.eventType()).isEqualTo("call.completed");
    assertThat(sample.id()).isEqualTo(AgniSamples.DEFAULT_CALL_SESSION_ID);
    assertThat(sample.idempotencyKey())
        .isEqualTo("agni:call.completed:" + AgniSamples.DEFAULT_CALL_SESSION_ID);
  }

  @Test
  void agni_knobs_changeTheirFieldsOnly() {
    Sample sample =
        Samples.agni()
            .callCompleted()
            .callSessionId("cs-1")
            .orgId("org-2")
            .status("no_answer")
            .duration(Duration.ofSeconds(61))
            .summary("Nobody answered.")
            .phone("+4930123456")
            .campaignId(null)
            .sentiment("neutral")
            .costTotal(new BigDecimal("1.05"))
            .build();
    JsonNode json = parse(sample);
    JsonNode data = json.get("data");

    assertThat(sample.id()).isEqualTo("cs-1");
    assertThat(sample.idempotencyKey()).isEqualTo("agni:call.completed:cs-1");
    assertThat(json.get("org_id").asText()).isEqualTo("org-2");
    assertThat(data.get("call_session_id").asText()).isEqualTo("cs-1");
    assertThat(data.get("status").asText()).isEqualTo("no_answer");
    assertThat(data.get("duration_sec").isIntegralNumber()).isTrue();
    assertThat(data.get("duration_sec").asLong()).isEqualTo(61);
    assertThat(data.get("ended_at").asText()).isEqualTo("2026-03-24T18:31:01Z");
    assertThat(data.get("summary").asText()).isEqualTo("Nobody answered.");
    assertThat(data.get("phone").asText()).isEqualTo("+4930123456");
    assertThat(data.get("callee_number").asText()).isEqualTo("+4930123456");
    assertThat(data.get("caller_number").asText()).isEqualTo("+18881234567");
    assertThat(data.has("campaign_id")).isTrue();
    assertThat(data.get("campaign_id").isNull()).isTrue();
    assertThat(data.get("post_call_analysis").get("sentiment").asText()).isEqualTo("neutral");
    assertThat(data.get("cost_total").decimalValue()).isEqualByComparingTo("1.05");
    List<String> changed =
        List.of(
            "org_id",
            "call_session_id",
            "status",
            "duration_sec",
            "ended_at",
            "summary",
            "phone",
            "callee_number",
            "campaign_id",
            "sentiment",
            "cost_total");
    JsonNode documented = fixture("agni", "call.completed.json");
    assertThat(TestJson.differencesWithin(documented, json))
        .allSatisfy(
            path -> assertThat(changed).contains(path.substring(path.lastIndexOf('.') + 1)));
  }

  @Test
  void agni_transcriptTurns_generatesAlternatingAscendingTurns() {
    Sample sample =
        Samples.agni().callCompleted().duration(Duration.ofSeconds(90)).transcriptTurns(10).build();
    JsonNode turns = parse(sample).get("data").get("transcripts");

    assertThat(turns).hasSize(10);
    List<String> ids = new ArrayList<>();
    long previous = -1;
    for (int i = 0; i < turns.size(); i++) {
      JsonNode turn = turns.get(i);
      assertThat(turn.get("role").asText()).isEqualTo(i % 2 == 0 ? "agent" : "user");
      assertThat(turn.get("timestamp_ms").asLong()).isGreaterThan(previous).isLessThan(90_000);
      assertThat(turn.get("message").get("content").asText()).isNotBlank();
      assertThat(turn.get("message").get("format").asText()).isEqualTo("text");
      previous = turn.get("timestamp_ms").asLong();
      ids.add(turn.get("id").asText());
    }
    assertThat(ids).doesNotHaveDuplicates().startsWith("t-001", "t-002").endsWith("t-010");
    assertThat(turns.get(1).get("message").get("content").asText())
        .isEqualTo("Hi, I wanted to check on my order number 4521.");
    assertThat(turns.get(9).get("created_at").asText())
        .isEqualTo(SampleJson.seconds(Instant.parse("2026-03-24T18:30:00Z").plusMillis(previous)));
  }

  @Test
  void agni_transcriptTurns500_makesABodyOfAboutOneHundredFiftyKilobytes() {
    Sample sample = Samples.agni().callCompleted().transcriptTurns(500).build();
    JsonNode data = parse(sample).get("data");

    assertThat(sample.bodyLength()).isBetween(100_000, 200_000);
    assertThat(data.get("transcripts")).hasSize(500);
    long lastTurn = data.get("transcripts").get(499).get("timestamp_ms").asLong();
    assertThat(data.get("duration_sec").asLong() * 1000).isGreaterThan(lastTurn);
  }

  @Test
  void agni_transcriptTurnsZero_sendsAnEmptyList() {
    JsonNode data =
        parse(Samples.agni().callCompleted().status("no_answer").transcriptTurns(0).build())
            .get("data");

    assertThat(data.get("transcripts").isArray()).isTrue();
    assertThat(data.get("transcripts")).isEmpty();
    assertThat(data.get("duration_sec").asLong()).isEqualTo(125);
  }

  @Test
  void agni_setAndRemove_editTheBodyAndIdIsReadBack() {
    Sample sample =
        Samples.agni()
            .callCompleted()
            .remove("data.call_session_id")
            .set("data.call_id", "legacy-1")
            .build();

    assertThat(sample.id()).isEmpty();
    assertThat(parse(sample).get("data").get("call_id").asText()).isEqualTo("legacy-1");
    assertThat(parse(sample).get("data").has("call_session_id")).isFalse();
  }

  @Test
  void set_writesEveryJsonTypeAndCreatesMissingObjects() {
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("tags", List.of("vip", 2, false));
    nested.put("none", null);
    Sample sample =
        Samples.agni()
            .callCompleted()
            .set("data.duration_sec", "125")
            .set("data.attempt", new BigDecimal("1.50"))
            .set("data.post_call_analysis.goals_met", "yes")
            .set("data.recording_url", null)
            .set("data.extra.deep", nested)
            .set("data.call_latency_ms", 2.5f)
            .set("data.cost_total", new BigInteger("123456789012345678901234567890"))
            .build();

    JsonNode data = parse(sample).get("data");
    assertThat(data.get("duration_sec").isTextual()).isTrue();
    assertThat(data.get("duration_sec").asText()).isEqualTo("125");
    assertThat(sample.bodyAsString()).contains("\"attempt\":1.50");
    assertThat(data.at("/post_call_analysis/goals_met").asText()).isEqualTo("yes");
    assertThat(data.has("goals_met")).isFalse();
    assertThat(data.get("recording_url").isNull()).isTrue();
    assertThat(sample.bodyAsString())
        .contains("\"call_latency_ms\":2.5,")
        .contains("\"cost_total\":123456789012345678901234567890,");
    assertThat(data.at("/extra/deep").toString())
        .isEqualTo("{\"tags\":[\"vip\",2,false],\"none\":null}");
  }

  @Test
  void setAndRemove_indexArraysAndAppendOnePastTheEnd() {
    Sample sample =
        Samples.agni()
            .callCompleted()
            .set("data.transcripts.0.role", "bot")
            .setRaw("data.transcripts.3", "{\"id\":\"t-004\",\"timestamp_ms\":9000}")
            .setRaw("data.cost_total", "1.50")
            .remove("data.transcripts.1")
            .build();

    assertThat(sample.bodyAsString()).contains("\"cost_total\":1.50,");
    JsonNode transcripts = parse(sample).get("data").get("transcripts");
    assertThat(transcripts).hasSize(3);
    assertThat(transcripts.get(0).get("role").asText()).isEqualTo("bot");
    assertThat(transcripts.get(1).get("id").asText()).isEqualTo("t-003");
    assertThat(transcripts.get(2).toString()).isEqualTo("{\"id\":\"t-004\",\"timestamp_ms\":9000}");
  }

  @Test
  void edits_applyInOrderAfterTheKnobsAndOnEveryBuild() {
    CllrSamples.PostCallBuilder builder =
        Samples.cllr()
            .postCall()
            .set("callAnalysis.mood", "Angry")
            .set("callerDetails", Map.of("name", "Ann"))
            .set("callerDetails.city", "Pune")
            .mood("Calm");

    Sample first = builder.build();
    Sample second = builder.build();

    JsonNode json = parse(first);
    assertThat(json.at("/callAnalysis/mood").asText()).isEqualTo("Angry");
    assertThat(json.get("callerDetails").toString())
        .isEqualTo("{\"name\":\"Ann\",\"city\":\"Pune\"}");
    assertThat(second).isEqualTo(first);
  }

  @Test
  void edits_ofTheTypeAndIdFields_areReadBackByEveryBuilder() {
    Sample vaani = Samples.vaani().callEnded().set("event", "call_paused").build();
    Sample agntix =
        Samples.agntix()
            .sessionCreated()
            .set("eventType", "session.paused")
            .set("id", "s-9")
            .build();
    Sample cllr = Samples.cllr().postCall().set("callId", 42).build();

    assertThat(vaani.eventType()).isEqualTo("call_paused");
    assertThat(agntix.eventType()).isEqualTo("session.paused");
    assertThat(agntix.id()).isEqualTo("s-9");
    assertThat(cllr.eventType()).isEqualTo("post_call");
    assertThat(cllr.id()).as("a number is no text id").isEmpty();
    assertThat(parse(cllr).get("callId").asInt()).isEqualTo(42);
  }

  @Test
  void agntix_editsComeBeforeSigning() {
    SvixSigner signer = SvixSigner.withSecret(SvixSigner.generateSecret());

    Sample sample =
        Samples.agntix()
            .sessionEnded()
            .set("analysis.summary", "edited")
            .signedWith(signer)
            .build();

    assertThat(parse(sample).at("/analysis/summary").asText()).isEqualTo("edited");
    assertThatCode(() -> signer.verifier().verify(sample.toRequest())).doesNotThrowAnyException();
  }

  @Test
  void set_badPathOrValue_isRejectedWhenCalled() {
    AgniSamples.CallCompletedBuilder builder = Samples.agni().callCompleted();

    assertThatThrownBy(() -> builder.set("data..status", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("path has an empty name: \"data..status\"");
    assertThatThrownBy(() -> builder.remove(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("path has an empty name: \"\"");
    assertThatThrownBy(() -> builder.set("data.started_at", Instant.EPOCH))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "value must be a String, Number, Boolean, List, Map or null, not java.time.Instant");
    assertThatThrownBy(() -> builder.set("data.x", Map.of(1, "one")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("map keys must be strings");
    assertThatThrownBy(() -> builder.setRaw("data.x", "{\"a\":1} {"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("json is not one JSON value");
    assertThatThrownBy(() -> builder.setRaw("data.x", " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("json is not one JSON value: it is empty");
    assertThatThrownBy(() -> builder.set(null, "x"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("path == null");
    assertThatThrownBy(() -> builder.setRaw("data.x", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("json == null");
  }

  @Test
  void edit_thatDoesNotFitTheBody_failsTheBuildNamingThePath() {
    assertThatThrownBy(() -> Samples.agni().callCompleted().remove("data.nope").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("remove(\"data.nope\") does not fit: there is nothing at data.nope");
    assertThatThrownBy(() -> Samples.agni().callCompleted().remove("data.nope.deeper").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("remove(\"data.nope.deeper\") does not fit: there is nothing at data.nope");
    assertThatThrownBy(() -> Samples.agni().callCompleted().set("data.status.code", 1).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "set(\"data.status.code\") does not fit: data.status is not an object or array");
    assertThatThrownBy(() -> Samples.agni().callCompleted().set("data.transcripts.9", 1).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "set(\"data.transcripts.9\") does not fit: data.transcripts has 3 elements: index 9"
                + " is past the end");
    assertThatThrownBy(() -> Samples.agni().callCompleted().set("data.transcripts.x", 1).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "set(\"data.transcripts.x\") does not fit: data.transcripts is an array: \"x\" is"
                + " not an index");
  }

  @ParameterizedTest
  @FieldSource("io.voicehooks.fixtures.Fixtures#VAANI_EVENT_TYPES")
  void vaani_default_isTheDocumentedExampleInDocumentedOrder(String eventType) {
    Sample sample = Samples.vaani().event(eventType).build();
    JsonNode expected = fixture("vaani", eventType + ".json");

    assertThat(parse(sample)).isEqualTo(expected);
    assertThat(TestJson.fieldOrder(parse(sample))).isEqualTo(TestJson.fieldOrder(expected));
    assertThat(sample.eventType()).isEqualTo(eventType);
    assertThat(sample.id()).isEqualTo(VaaniSamples.DEFAULT_ROOM_NAME);
    // The transfer events, which repeat once per attempt, end in a digest of their other fields.
    Map<String, String> digests =
        Map.of(
            "human_transfer_initiated", ":de9119acec39ea0a47ed0f9f4af104c1",
            "human_transfer_successful", ":88f693315ec4fe3df12d32b6f14432d6",
            "human_transfer_failed", ":ac8fc80fce3b004a68bb3049bdae361c");
    assertThat(sample.idempotencyKey())
        .isEqualTo("vaani:" + eventType + ":room_123abc" + digests.getOrDefault(eventType, ""));
  }

  @Test
  void vaani_transferAttempts_haveKeysOfTheirOwn() {
    Sample first = Samples.vaani().humanTransferFailed().build();
    Sample second = Samples.vaani().humanTransferFailed().phoneNumber("+919800000000").build();
    Sample reordered =
        Sample.of(
            Provider.VAANI,
            "human_transfer_failed",
            VaaniSamples.DEFAULT_ROOM_NAME,
            first.headers(),
            ("{\"sip_status\": \"busy\", \"reason\": \"busy\", \"phone_number\": \"+919876543210\","
                    + " \"transfer_type\": \"warm\", \"room_name\": \"room_123abc\","
                    + " \"event\": \"human_transfer_failed\"}")
                .getBytes(UTF_8));

    assertThat(second.idempotencyKey()).isNotEqualTo(first.idempotencyKey());
    assertThat(reordered.idempotencyKey()).isEqualTo(first.idempotencyKey());
  }

  @Test
  void vaani_namedBuilders_produceTheirEvents() {
    VaaniSamples vaani = Samples.vaani();
    List<Sample> samples =
        List.of(
            vaani.callStarted().build(),
            vaani.callRinging().build(),
            vaani.userPickedUp().build(),
            vaani.callRejected().build(),
            vaani.callNoAnswer().build(),
            vaani.callFailed().build(),
            vaani.humanTransferInitiated().build(),
            vaani.humanTransferSuccessful().build(),
            vaani.humanTransferFailed().build(),
            vaani.callEnded().build(),
            vaani.callPostprocessing().build());

    assertThat(samples)
        .extracting(Sample::eventType)
        .containsExactlyElementsOf(VaaniSamples.EVENT_TYPES);
  }

  @Test
  void vaani_duration_usesSecondsForCallEndedAndMillisecondsForPostprocessing() {
    JsonNode ended =
        parse(
            Samples.vaani()
                .callEnded()
                .roomName("room_1")
                .duration(Duration.ofMillis(42_500))
                .build());
    JsonNode whole = parse(Samples.vaani().callEnded().duration(Duration.ofSeconds(42)).build());
    JsonNode post =
        parse(Samples.vaani().callPostprocessing().duration(Duration.ofMillis(61_250)).build());

    assertThat(ended.get("room_name").asText()).isEqualTo("room_1");
    assertThat(ended.get("call_duration").isFloatingPointNumber()).isTrue();
    assertThat(ended.get("call_duration").asDouble()).isEqualTo(42.5);
    assertThat(whole.get("call_duration").isFloatingPointNumber()).isTrue();
    assertThat(whole.get("call_duration").asDouble()).isEqualTo(42.0);
    assertThat(post.get("call_duration").isIntegralNumber()).isTrue();
    assertThat(post.get("call_duration").asLong()).isEqualTo(61_250);
  }

  @Test
  void vaani_postprocessingKnobs_setTranscriptSummaryAndEntities() {
    Sample sample =
        Samples.vaani()
            .callPostprocessing()
            .roomName("room_9")
            .transcriptTurns(6)
            .summary("Booked a deep clean.")
            .entity("city", "Pune")
            .entity("budget", 3499)
            .recordingUrl("https://storage.vaani.ai/recordings/room_9.mp3")
            .build();
    JsonNode json = parse(sample);
    String transcript = json.get("transcript").asText();

    assertThat(sample.id()).isEqualTo("room_9");
    assertThat(transcript).startsWith("User: Hello. Agent: Hi, how can I help you? User: ");
    assertThat(transcript.split("User: ", -1)).hasSize(4);
    assertThat(transcript.split("Agent: ", -1)).hasSize(4);
    assertThat(json.get("summary").asText()).isEqualTo("Booked a deep clean.");
    assertThat(json.get("entities").get("location").asText()).isEqualTo("Mumbai");
    assertThat(json.get("entities").get("city").asText()).isEqualTo("Pune");
    assertThat(json.get("entities").get("budget").asInt()).isEqualTo(3499);
    assertThat(json.get("recording_url").asText()).endsWith("room_9.mp3");
  }

  @Test
  void vaani_transferAndFailureKnobs_setTheirFields() {
    JsonNode failed =
        parse(
            Samples.vaani()
                .humanTransferFailed()
                .phoneNumber("+919800000000")
                .reason("no_answer")
                .sipStatus("480")
                .build());
    JsonNode callFailed =
        parse(Samples.vaani().callFailed().error("SIP_503_SERVICE_UNAVAILABLE").build());
    JsonNode started =
        parse(Samples.vaani().callStarted().status("active").phoneNumber("+15550001111").build());

    assertThat(failed.get("phone_number").asText()).isEqualTo("+919800000000");
    assertThat(failed.get("reason").asText()).isEqualTo("no_answer");
    assertThat(failed.get("sip_status").asText()).isEqualTo("480");
    assertThat(callFailed.get("error").asText()).isEqualTo("SIP_503_SERVICE_UNAVAILABLE");
    assertThat(started.get("status").asText()).isEqualTo("active");
    assertThat(started.get("phone_number").asText()).isEqualTo("+15550001111");
  }

  @Test
  void vaani_knobForAFieldTheEventLacks_isRejectedNamingKnobAndEvent() {
    assertThatThrownBy(() -> Samples.vaani().callEnded().status("ended"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("status")
        .hasMessageContaining("call_ended");
    assertThatThrownBy(() -> Samples.vaani().callStarted().duration(Duration.ofSeconds(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("call_duration");
  }

  @Test
  void vaani_unknownEvent_hasOnlyEventAndRoomName() {
    Sample sample = Samples.vaani().event("call_on_hold").roomName("room_2").build();

    assertThat(TestJson.fieldOrder(parse(sample))).containsExactly("event", "room_name");
    // An event type the SDK does not model is keyed by a digest of its body.
    assertThat(sample.idempotencyKey())
        .isEqualTo(
            "vaani:call_on_hold:"
                + Digests.sha256Hex("{\"event\":\"call_on_hold\",\"room_name\":\"room_2\"}"));
  }

  @Test
  void vaani_lifecycle_ordersTheEventsOfOneCall() {
    List<Sample> outbound = Samples.vaani().lifecycle("room_1", VaaniSamples.Direction.OUTBOUND);
    List<Sample> inbound = Samples.vaani().lifecycle("room_2", VaaniSamples.Direction.INBOUND);

    assertThat(outbound)
        .extracting(Sample::eventType)
        .containsExactly(
            "call_started",
            "call_ringing",
            "user_picked_up_at",
            "call_ended",
            "call_postprocessing");
    assertThat(inbound)
        .extracting(Sample::eventType)
        .containsExactly("call_started", "user_picked_up_at", "call_ended", "call_postprocessing");
    assertThat(outbound).extracting(Sample::id).containsOnly("room_1");
    assertThat(inbound).extracting(Sample::id).containsOnly("room_2");
    assertThat(parse(outbound.get(3)).get("call_duration").asDouble() * 1000)
        .isEqualTo(parse(outbound.get(4)).get("call_duration").asDouble());
  }

  @Test
  void agntix_sessionCreated_isTheDocumentedShape() {
    Sample sample = Samples.agntix().sessionCreated().build();
    JsonNode expected = fixture("agntix", "session.created.json");

    assertThat(parse(sample)).isEqualTo(expected);
    assertThat(TestJson.fieldOrder(parse(sample))).isEqualTo(TestJson.fieldOrder(expected));
    assertThat(sample.idempotencyKey())
        .isEqualTo("agntix:session.created:" + AgntixSamples.DEFAULT_SESSION_ID);
  }

  @Test
  void agntix_sessionEnded_isTheSessionShapeWithAnalysis() {
    JsonNode json = parse(Samples.agntix().sessionEnded().build());
    ObjectNode expected = (ObjectNode) fixture("agntix", "session.ended.json");
    // The only value the documented example elides ("…").
    ((ObjectNode) json.get("analysis").get("intent").get("message")).remove("explanation");
    ((ObjectNode) expected.get("analysis").get("intent").get("message")).remove("explanation");

    assertThat(json).isEqualTo(expected);
    assertThat(json.fieldNames().next()).isEqualTo("eventType");
  }

  @Test
  void agntix_knobs_changeTheirFields() {
    Sample sample =
        Samples.agntix()
            .sessionEnded()
            .sessionId("s-1")
            .direction("INBOUND")
            .phoneNumber("+971500000001")
            .sessionVariable("crmContactId", "CRM-1")
            .sessionVariable("priority", 2)
            .createdAt(Instant.parse("2026-05-01T10:00:00Z"))
            .duration(Duration.ofSeconds(65))
            .summary("Customer asked for a refund.")
            .resolution("UNRESOLVED")
            .sentiment("NEGATIVE")
            .extractedData("orderNumber", 42)
            .build();
    JsonNode json = parse(sample);

    assertThat(sample.id()).isEqualTo("s-1");
    assertThat(sample.idempotencyKey()).isEqualTo("agntix:session.ended:s-1");
    assertThat(json.get("direction").asText()).isEqualTo("INBOUND");
    assertThat(json.get("state").asText()).isEqualTo("CLOSED");
    assertThat(json.get("createdAt").asText()).isEqualTo("2026-05-01T10:00:00.000Z");
    assertThat(json.get("endedAt").asText()).isEqualTo("2026-05-01T10:01:05.000Z");
    JsonNode metadata = json.get("metadata");
    assertThat(metadata.get("customerPhoneNumber").asText()).isEqualTo("+971500000001");
    assertThat(metadata.get("roomName").asText()).startsWith("inbound_sip_40235145-");
    assertThat(metadata.get("sessionVariables").get("crmContactId").asText()).isEqualTo("CRM-1");
    assertThat(metadata.get("sessionVariables").get("priority").asInt()).isEqualTo(2);
    JsonNode analysis = json.get("analysis");
    assertThat(analysis.get("summary").asText()).isEqualTo("Customer asked for a refund.");
    assertThat(analysis.get("resolution").get("classification").asText()).isEqualTo("UNRESOLVED");
    assertThat(analysis.get("sentiment").get("conversation").get("label").asText())
        .isEqualTo("NEGATIVE");
    assertThat(analysis.get("extractedData").get("orderNumber").asInt()).isEqualTo(42);
  }

  @Test
  void agntix_analysisKnobOnSessionCreated_isRejected() {
    assertThatThrownBy(() -> Samples.agntix().sessionCreated().summary("x"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("summary")
        .hasMessageContaining("session.created");
  }

  @Test
  void agntix_signedWith_addsSvixHeadersThatVerify() {
    SvixSigner signer = SvixSigner.withSecret(SvixSigner.generateSecret());
    Sample sample = Samples.agntix().sessionEnded().signedWith(signer).build();

    assertThat(sample.signed()).isTrue();
    assertThat(sample.messageId()).matches("msg_[0-9A-Za-z]{27}");
    assertThat(sample.headers().names())
        .containsExactlyInAnyOrder("content-type", "svix-id", "svix-timestamp", "svix-signature");
    assertThatCode(() -> signer.verifier().verify(sample.toRequest())).doesNotThrowAnyException();
  }

  @Test
  void agntix_signedWithFixedIdAndTime_isDeterministic() {
    SvixSigner signer = SvixSigner.withSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    Instant at = Instant.ofEpochSecond(1_775_624_410L);
    Sample first = Samples.agntix().sessionCreated().signedWith(signer, "msg_1", at).build();
    Sample second = Samples.agntix().sessionCreated().signedWith(signer, "msg_1", at).build();

    assertThat(first).isEqualTo(second);
    assertThat(first.headers().first("svix-timestamp")).isEqualTo("1775624410");
    assertThat(first.headers().first("svix-signature"))
        .isEqualTo(signer.signature("msg_1", 1_775_624_410L, first.body()));
  }

  @Test
  void cllr_default_containsTheDocumentedExampleAndEveryDocumentedKey() {
    Sample sample = Samples.cllr().postCall().build();
    JsonNode json = parse(sample);

    assertThat(TestJson.differencesWithin(fixture("cllr", "post_call.json"), json)).isEmpty();
    assertThat(json.fieldNames().next()).isEqualTo("callId");
    assertThat(TestJson.fieldOrder(json.get("callerDetails")))
        .containsExactly(
            "name",
            "phoneNumber",
            "email",
            "scheduledTime",
            "address",
            "pincode",
            "city",
            "state",
            "country",
            "age",
            "gender",
            "occupation",
            "company",
            "preferredContactMethod",
            "bestTimeToCall",
            "language");
    assertThat(json.get("callerDetails").get("age").isTextual()).isTrue();
    assertThat(json.get("callAnalysis").get("interestsAndNeeds").isObject()).isTrue();
    assertThat(json.get("callAnalysis").get("actionItems").isObject()).isTrue();
    assertThat(json.get("callAnalysis").get("sentiment").isObject()).isTrue();
    assertThat(sample.eventType()).isEqualTo("post_call");
    assertThat(sample.idempotencyKey()).isEqualTo("cllr:post_call:" + CllrSamples.DEFAULT_CALL_ID);
  }

  @Test
  void cllr_knobs_changeTheirFields() {
    Sample sample =
        Samples.cllr()
            .postCall()
            .callId("call-77")
            .name("Priya Sharma")
            .phoneNumber("+91-98765-43210")
            .callerDetail("age", null)
            .callOutcome("Appointment Scheduled")
            .score(78.5)
            .summary("Booked a call with a relationship manager.")
            .build();
    JsonNode json = parse(sample);

    assertThat(sample.id()).isEqualTo("call-77");
    assertThat(json.get("recordingUri").asText()).contains("/call-77/");
    assertThat(json.get("transcriptUri").asText()).endsWith("transcript_call-77.json");
    assertThat(json.get("callerDetails").get("name").asText()).isEqualTo("Priya Sharma");
    assertThat(json.get("callerDetails").get("phoneNumber").asText()).isEqualTo("+91-98765-43210");
    assertThat(json.get("callerDetails").has("age")).isFalse();
    assertThat(json.get("callAnalysis").get("callOutcome").asText())
        .isEqualTo("Appointment Scheduled");
    assertThat(json.get("callAnalysis").get("score").asDouble()).isEqualTo(78.5);
    assertThat(json.get("callAnalysis").get("summary").asText())
        .isEqualTo("Booked a call with a relationship manager.");
  }

  @Test
  void sample_isImmutableAndConvertsToARequest() {
    Sample sample = Samples.cllr().postCall().build();
    byte[] body = sample.body();
    body[0] = 'X';

    assertThat(sample.body()[0]).isEqualTo((byte) '{');
    WebhookRequest request = sample.toRequest();
    assertThat(request.body()).isEqualTo(sample.body());
    assertThat(request.headers()).isEqualTo(sample.headers());
    assertThat(sample.bodyAsString()).isEqualTo(new String(sample.body(), UTF_8));
    assertThat(sample.toRequest(Instant.EPOCH).receivedAt()).isEqualTo(Instant.EPOCH);
    assertThat(sample).isEqualTo(Samples.cllr().postCall().build());
    assertThat(sample.hashCode()).isEqualTo(Samples.cllr().postCall().build().hashCode());
  }

  @Test
  void sample_toString_omitsTheBody() {
    Sample sample = Samples.cllr().postCall().build();

    assertThat(sample.toString())
        .contains("cllr", "post_call", CllrSamples.DEFAULT_CALL_ID, "bodyLength=")
        .doesNotContain("John");
  }

  @Test
  void sample_of_keepsACustomBody() {
    byte[] body = "{not json".getBytes(UTF_8);
    Sample sample =
        Sample.of(Provider.VAANI, "call_ended", "room_x", WebhookHeaders.of("X-Test", "1"), body);
    body[0] = 'X';

    assertThat(sample.bodyAsString()).isEqualTo("{not json");
    assertThat(sample.headers().first("x-test")).isEqualTo("1");
    assertThat(sample.signed()).isFalse();
    assertThat(sample.messageId()).isNull();
  }

  @Test
  void sample_signedWith_replacesEarlierSignatures() {
    SvixSigner first = SvixSigner.withSecret(SvixSigner.generateSecret());
    SvixSigner second = SvixSigner.generateEd25519().withWebhookHeaderNames();
    Sample sample = Samples.agni().callCompleted().build().signedWith(first).signedWith(second);

    Map<String, List<String>> headers = sample.headers().asMap();
    assertThat(headers.keySet())
        .containsExactlyInAnyOrder(
            "content-type", "webhook-id", "webhook-timestamp", "webhook-signature");
    assertThatCode(() -> second.verifier().verify(sample.toRequest())).doesNotThrowAnyException();
    assertThat(sample.withHeaders(WebhookHeaders.empty()).signed()).isFalse();
  }

  @Test
  void sample_withHeader_setsOneHeaderAndKeepsTheSignature() {
    SvixSigner signer = SvixSigner.withSecret(SvixSigner.generateSecret());
    Sample signed = Samples.agntix().sessionCreated().signedWith(signer).build();

    Sample proxied = signed.withHeader("Authorization", "Bearer t-1");
    Sample replaced = proxied.withHeader("authorization", "Bearer t-2");
    Sample forged = signed.withHeader("Svix-Signature", "v1,forged");

    assertThat(proxied.headers().all("authorization")).containsExactly("Bearer t-1");
    assertThat(proxied.headers().first("svix-id")).isEqualTo(signed.messageId());
    assertThat(proxied.signed()).isTrue();
    assertThatCode(() -> signer.verifier().verify(proxied.toRequest())).doesNotThrowAnyException();
    assertThat(replaced.headers().all("Authorization")).containsExactly("Bearer t-2");
    assertThat(signed.headers().first("authorization")).as("the original is unchanged").isNull();
    assertThat(forged.signed()).isFalse();
    assertThat(forged.headers().first("svix-signature")).isEqualTo("v1,forged");
    assertThat(forged.body()).isEqualTo(signed.body());
    assertThatThrownBy(() -> signed.withHeader("x", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("value == null");
  }

  @Test
  void all_idempotencyKeysAreDistinct() {
    assertThat(Samples.all().stream().map(Sample::idempotencyKey).collect(Collectors.toList()))
        .doesNotHaveDuplicates();
  }
}
