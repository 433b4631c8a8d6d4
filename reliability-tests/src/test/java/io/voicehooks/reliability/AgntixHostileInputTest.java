package io.voicehooks.reliability;

import static io.voicehooks.reliability.HostileCase.event;
import static io.voicehooks.reliability.HostileCase.rejected;
import static io.voicehooks.reliability.HostileCase.unknown;
import static org.assertj.core.api.Assertions.assertThat;

import io.voicehooks.agntix.AgntixWebhookParser;
import io.voicehooks.agntix.SessionCreatedEvent;
import io.voicehooks.agntix.SessionDirection;
import io.voicehooks.agntix.SessionEndedEvent;
import io.voicehooks.agntix.SessionPlatform;
import io.voicehooks.agntix.SessionState;
import io.voicehooks.agntix.SessionType;
import io.voicehooks.agntix.UnknownAgntixEvent;
import io.voicehooks.core.WebhookParseException;
import io.voicehooks.fixtures.Fixtures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile-input catalogue for the Agntix body, parsed without verification (signature cases are
 * in {@link HandlerHostileInputTest}, where they belong to a delivery).
 */
final class AgntixHostileInputTest {
  private static final AgntixWebhookParser PARSER = AgntixWebhookParser.withoutVerification();

  static final String VALID = "{\"eventType\":\"session.created\",\"id\":\"ses_1\"}";

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void parse_hostileBody_hasExactOutcome(HostileCase hostile) {
    hostile.assertOutcome(PARSER);
  }

  static Stream<HostileCase> cases() {
    List<HostileCase> cases =
        new ArrayList<>(
            GenericHostileCases.cases(
                VALID,
                SessionCreatedEvent.class,
                "eventType",
                UnknownAgntixEvent.class,
                e -> {
                  assertThat(e.eventType()).isEqualTo("session.created");
                  assertThat(((SessionCreatedEvent) e).sessionId()).isEqualTo("ses_1");
                  assertThat(e.idempotencyKey()).isEqualTo("agntix:session.created:ses_1");
                }));
    identity(cases);
    timestamps(cases);
    shapes(cases);
    return cases.stream();
  }

  private static void identity(List<HostileCase> cases) {
    for (String type : List.of("session.created", "session.ended")) {
      String missing = "Missing required field 'id' in '" + type + "' event";
      for (String id : List.of("\"\"", "null")) {
        cases.add(
            HostileCase.of(
                type + " id " + id,
                "{\"eventType\":\"" + type + "\",\"id\":" + id + "}",
                rejected(WebhookParseException.class, missing)));
      }
      String notAnId = "Field 'id' must be a string or an integer in '" + type + "' event";
      for (String id : List.of("true", "1.5", "{}", "[\"ses_1\"]")) {
        cases.add(
            HostileCase.of(
                type + " id " + id,
                "{\"eventType\":\"" + type + "\",\"id\":" + id + "}",
                rejected(WebhookParseException.class, notAnId)));
      }
      cases.add(
          HostileCase.of(
              type + " without id",
              "{\"eventType\":\"" + type + "\"}",
              rejected(WebhookParseException.class, missing)));
    }
    cases.add(
        HostileCase.of(
            "id as an integer is its text",
            "{\"eventType\":\"session.ended\",\"id\":7}",
            event(SessionEndedEvent.class, e -> assertThat(e.sessionId()).isEqualTo("7"))));
    cases.add(
        HostileCase.of(
            "session.message.created is an unknown event",
            Fixtures.text("agntix", "session.message.created.json"),
            unknown(UnknownAgntixEvent.class, "session.message.created")));
  }

  private static void timestamps(List<HostileCase> cases) {
    created(cases, "\"2026-04-08T05:00:01.130Z\"", Instant.parse("2026-04-08T05:00:01.130Z"));
    created(cases, "\"2026-04-08T05:00:01.130+04:00\"", Instant.parse("2026-04-08T01:00:01.130Z"));
    created(cases, "\"2026-04-08 05:00:01\"", null);
    created(cases, "\"x\"", null);
    created(cases, "{}", null);
    // A number of 10^11 or more is epoch milliseconds.
    created(cases, "1775624401130", Instant.parse("2026-04-08T05:00:01.130Z"));
    cases.add(
        HostileCase.of(
            "endedAt before createdAt gives no duration",
            "{\"eventType\":\"session.ended\",\"id\":\"i\",\"createdAt\":\"2026-04-08T05:00:10Z\","
                + "\"endedAt\":\"2026-04-08T05:00:01Z\"}",
            event(SessionEndedEvent.class, e -> assertThat(e.duration()).isNull())));
  }

  private static void created(List<HostileCase> cases, String value, Instant expected) {
    cases.add(
        HostileCase.of(
            "createdAt " + value,
            "{\"eventType\":\"session.created\",\"id\":\"i\",\"createdAt\":" + value + "}",
            event(SessionCreatedEvent.class, e -> assertThat(e.createdAt()).isEqualTo(expected))));
  }

  private static void shapes(List<HostileCase> cases) {
    cases.add(
        HostileCase.of(
            "unknown enum values keep their text",
            "{\"eventType\":\"session.created\",\"id\":\"i\",\"type\":\"HOLO\","
                + "\"platform\":\"MARS\",\"direction\":\"SIDEWAYS\",\"state\":\"LIMBO\"}",
            event(
                SessionCreatedEvent.class,
                e -> {
                  assertThat(e.type().value()).isEqualTo(SessionType.UNKNOWN);
                  assertThat(e.platform().value()).isEqualTo(SessionPlatform.UNKNOWN);
                  assertThat(e.direction().value()).isEqualTo(SessionDirection.UNKNOWN);
                  assertThat(e.state().value()).isEqualTo(SessionState.UNKNOWN);
                  assertThat(e.state().raw()).isEqualTo("LIMBO");
                })));
    cases.add(
        HostileCase.of(
            "every session.ended field of the wrong type",
            "{\"eventType\":\"session.ended\",\"id\":\"i\",\"type\":{},\"platform\":[],"
                + "\"direction\":{},\"state\":[],\"agentId\":{},\"createdAt\":[],"
                + "\"lastActivityAt\":{},\"endedAt\":true,\"updatedAt\":\"x\",\"metadata\":[],"
                + "\"analysis\":\"x\"}",
            event(
                SessionEndedEvent.class,
                e -> {
                  assertThat(e.type()).isNull();
                  assertThat(e.platform()).isNull();
                  assertThat(e.direction()).isNull();
                  assertThat(e.state()).isNull();
                  assertThat(e.agentId()).isNull();
                  assertThat(e.createdAt()).isNull();
                  assertThat(e.lastActivityAt()).isNull();
                  assertThat(e.endedAt()).isNull();
                  assertThat(e.updatedAt()).isNull();
                  assertThat(e.metadata().sessionVariables()).isEmpty();
                  assertThat(e.analysis().isEmpty()).isTrue();
                })));
    cases.add(
        HostileCase.of(
            "metadata and analysis members of the wrong type",
            "{\"eventType\":\"session.ended\",\"id\":\"i\",\"metadata\":{\"customerPhoneNumber\":{},"
                + "\"roomName\":[],\"sessionVariables\":\"x\"},\"analysis\":{\"summary\":{},"
                + "\"intent\":[],\"resolution\":\"x\",\"sentiment\":{\"conversation\":[]},"
                + "\"extractedData\":[]}}",
            event(
                SessionEndedEvent.class,
                e -> {
                  assertThat(e.metadata().customerPhoneNumber()).isNull();
                  assertThat(e.metadata().roomName()).isNull();
                  assertThat(e.metadata().sessionVariables()).isEmpty();
                  assertThat(e.analysis().summary()).isNull();
                  assertThat(e.analysis().intent()).isNull();
                  assertThat(e.analysis().resolution()).isNull();
                  assertThat(e.analysis().extractedData()).isEmpty();
                  assertThat(e.callSummary().callId()).isEqualTo("i");
                })));
  }
}
