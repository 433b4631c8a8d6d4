package io.voicehooks.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.voicehooks.agni.AgniEvent;
import io.voicehooks.agni.AgniWebhookParser;
import io.voicehooks.agntix.AgntixEvent;
import io.voicehooks.agntix.AgntixWebhookParser;
import io.voicehooks.cllr.CllrEvent;
import io.voicehooks.cllr.CllrWebhookParser;
import io.voicehooks.core.JsonLimits;
import io.voicehooks.core.WebhookEvent;
import io.voicehooks.core.WebhookException;
import io.voicehooks.core.WebhookRequest;
import io.voicehooks.core.internal.EventDeserializer;
import io.voicehooks.fixtures.Fixtures;
import io.voicehooks.reliability.TestProvider.Everything;
import io.voicehooks.reliability.TestProvider.TestEvent;
import io.voicehooks.reliability.TestProvider.Unknown;
import io.voicehooks.vaani.VaaniEvent;
import io.voicehooks.vaani.VaaniWebhookParser;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzzes every provider parser and the core {@link EventDeserializer} with raw bodies.
 *
 * <p>Property: {@code parse} returns an event whose identity and derived views all work, or throws
 * a {@link WebhookException}; nothing else escapes (no other exception, no {@link
 * StackOverflowError} or {@link OutOfMemoryError}), and no input hangs (the JUnit timeout becomes
 * libFuzzer's per-input timeout when fuzzing). Each provider's target is named by the provider. In
 * {@code verify} each target runs once per seed in {@code
 * io/voicehooks/reliability/ParserFuzzTestInputs/<method>/} on the test class path: the provider's
 * payloads from test-fixtures, copied there by the build, and, for {@code eventDeserializer}, this
 * module's test resources; {@code reliability-tests/fuzz ParserFuzzTest#<method> 60s} fuzzes one.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
final class ParserFuzzTest {
  private static final AgniWebhookParser AGNI =
      AgniWebhookParser.builder().expectedOrgId(Fixtures.AGNI_ORG_ID).build();
  private static final AgniWebhookParser AGNI_ANY_ORG = AgniWebhookParser.create();
  private static final VaaniWebhookParser VAANI = VaaniWebhookParser.create();
  private static final AgntixWebhookParser AGNTIX = AgntixWebhookParser.withoutVerification();
  private static final CllrWebhookParser CLLR = CllrWebhookParser.create();
  private static final EventDeserializer<TestEvent> TYPED =
      TestProvider.typed(JsonLimits.defaults());
  private static final EventDeserializer<TestEvent> TYPED_TIGHT =
      TestProvider.typed(TestProvider.TIGHT);
  private static final EventDeserializer<Everything> SINGLE =
      TestProvider.single(JsonLimits.defaults());

  @FuzzTest
  void agni(byte[] body) {
    WebhookRequest request = WebhookRequest.of(body);
    try {
      AgniEvent event = AGNI.parse(request);
      Invariants.checkAgni(event);
      Invariants.checkWrittenBack(event, AGNI);
    } catch (WebhookException rejected) {
      // The documented outcome for a body it cannot accept.
    }
    try {
      AgniEvent event = AGNI_ANY_ORG.parse(request);
      Invariants.checkAgni(event);
      Invariants.checkWrittenBack(event, AGNI_ANY_ORG);
    } catch (WebhookException rejected) {
      // Same, without the organisation check.
    }
  }

  @FuzzTest
  void vaani(byte[] body) {
    try {
      VaaniEvent event = VAANI.parse(WebhookRequest.of(body));
      Invariants.checkVaani(event);
      Invariants.checkWrittenBack(event, VAANI);
    } catch (WebhookException rejected) {
      // The documented outcome for a body it cannot accept.
    }
  }

  @FuzzTest
  void agntix(byte[] body) {
    try {
      AgntixEvent event = AGNTIX.parse(WebhookRequest.of(body));
      Invariants.checkAgntix(event);
      Invariants.checkWrittenBack(event, AGNTIX);
    } catch (WebhookException rejected) {
      // The documented outcome for a body it cannot accept.
    }
  }

  @FuzzTest
  void cllr(byte[] body) {
    try {
      CllrEvent event = CLLR.parse(WebhookRequest.of(body));
      Invariants.checkCllr(event);
      Invariants.checkWrittenBack(event, CLLR);
    } catch (WebhookException rejected) {
      // The documented outcome for a body it cannot accept.
    }
  }

  @FuzzTest
  void eventDeserializer(byte[] body) {
    for (EventDeserializer<TestEvent> events : List.of(TYPED, TYPED_TIGHT)) {
      try {
        TestEvent event = events.deserialize(body);
        Invariants.checkIdentity(event);
        if (event instanceof Unknown) {
          ((Unknown) event).fields();
        }
      } catch (WebhookException rejected) {
        // The documented outcome for a body it cannot accept.
      }
    }
    try {
      Invariants.checkIdentity(SINGLE.deserialize(body));
    } catch (WebhookException rejected) {
      // The documented outcome for a body it cannot accept.
    }
  }

  /**
   * The seeds each target must reject, by {@code <target>/<file>}; every other seed is a valid
   * delivery and must parse. Without this a parser that rejected every body would pass: the fuzz
   * targets above accept a rejection as readily as an event.
   */
  private static final Set<String> REJECTED_SEEDS =
      Set.of(
          "agni/call.completed.data-not-object.json",
          "agni/call.completed.no-data.json",
          "agni/call.completed.no-org.json",
          "agni/call.completed.no-session-id.json",
          "agni/call.completed.wrong-org.json",
          "agntix/session.ended.missing-id.json",
          "eventDeserializer/no-type.json");

  static Stream<Arguments> seeds() {
    return Stream.of("agni", "vaani", "agntix", "cllr", "eventDeserializer")
        .flatMap(
            target ->
                Seeds.names(ParserFuzzTest.class, target).stream()
                    .map(seed -> Arguments.of(target, seed)));
  }

  @ParameterizedTest(name = "{0}/{1}")
  @MethodSource("seeds")
  void seed_validIsParsed_invalidIsRejected(String target, String seed) {
    byte[] body = Seeds.read(ParserFuzzTest.class, target, seed);
    Callable<WebhookEvent> parse =
        switch (target) {
          case "agni" -> () -> AGNI.parse(WebhookRequest.of(body));
          case "vaani" -> () -> VAANI.parse(WebhookRequest.of(body));
          case "agntix" -> () -> AGNTIX.parse(WebhookRequest.of(body));
          case "cllr" -> () -> CLLR.parse(WebhookRequest.of(body));
          default -> () -> TYPED.deserialize(body);
        };
    if (REJECTED_SEEDS.contains(target + "/" + seed)) {
      assertThatThrownBy(parse::call).isInstanceOf(WebhookException.class);
      return;
    }
    WebhookEvent event;
    try {
      event = parse.call();
    } catch (Exception e) {
      throw new AssertionError(target + " rejected the valid seed " + seed, e);
    }
    Invariants.checkIdentity(event);
    assertThat(event.idempotencyKey()).isNotBlank();
  }
}
