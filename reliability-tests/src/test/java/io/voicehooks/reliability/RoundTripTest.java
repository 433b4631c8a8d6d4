package io.voicehooks.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.voicehooks.agni.AgniWebhookParser;
import io.voicehooks.agntix.AgntixWebhookParser;
import io.voicehooks.cllr.CllrWebhookParser;
import io.voicehooks.core.UnknownEvent;
import io.voicehooks.core.WebhookEvent;
import io.voicehooks.core.WebhookParseException;
import io.voicehooks.core.WebhookParser;
import io.voicehooks.fixtures.Fixtures;
import io.voicehooks.testing.Sample;
import io.voicehooks.testing.Samples;
import io.voicehooks.vaani.VaaniWebhookParser;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The model loses nothing: every fixture of every provider, every sample of sdk-testing, and
 * variants of each with undeclared fields added to every object at every level, parse to an event
 * whose {@link WebhookEvent#toJson()} is the JSON received, apart from the normalisations {@link
 * JsonEquivalence} allows (the core README's list).
 */
final class RoundTripTest {
  private static final ObjectMapper TREE =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private static final Map<String, WebhookParser<?>> PARSERS =
      Map.of(
          "agni", AgniWebhookParser.create(),
          "vaani", VaaniWebhookParser.create(),
          "agntix", AgntixWebhookParser.withoutVerification(),
          "cllr", CllrWebhookParser.create());

  /** Fixtures that are not events by design: each must fail to parse. */
  private static final Set<String> NOT_EVENTS =
      Set.of(
          "agni/call.completed.no-data.json",
          "agni/call.completed.no-session-id.json",
          "agni/call.completed.data-not-object.json",
          "agntix/session.ended.missing-id.json");

  /** Variants per body, each with its own seed. */
  private static final int VARIANTS = 20;

  static Stream<Arguments> bodies() {
    List<Arguments> bodies = new ArrayList<>();
    for (String provider : List.of("agni", "vaani", "agntix", "cllr")) {
      for (String file : Fixtures.names(provider)) {
        String name = provider + "/" + file;
        if (!NOT_EVENTS.contains(name)) {
          bodies.add(Arguments.of(provider, name, Fixtures.bytes(provider, file)));
        }
      }
    }
    for (Sample sample : Samples.all()) {
      bodies.add(
          Arguments.of(sample.provider().id(), "sample " + sample.eventType(), sample.body()));
    }
    assertThat(bodies).hasSizeGreaterThan(60);
    return bodies.stream();
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("bodies")
  void toJson_ofEveryFixtureAndSample_isWhatWasReceived(String provider, String name, byte[] body)
      throws IOException {
    WebhookEvent event = PARSERS.get(provider).parse(body);

    assertEquivalent(TREE.readTree(body), event);
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("bodies")
  void toJson_withUndeclaredFieldsAtEveryLevel_keepsThemAll(
      String provider, String name, byte[] body) throws IOException {
    for (int seed = 0; seed < VARIANTS; seed++) {
      JsonNode variant = TREE.readTree(body);
      int added = addUnknownFields(variant, new Random(seed), seed);
      assertThat(added).as("fields added to %s", name).isPositive();
      WebhookEvent event = PARSERS.get(provider).parse(TREE.writeValueAsBytes(variant));

      assertEquivalent(variant, event);
    }
  }

  @org.junit.jupiter.api.Test
  void notEvents_failToParse() {
    for (String name : NOT_EVENTS) {
      String provider = name.substring(0, name.indexOf('/'));
      byte[] body = Fixtures.bytes(provider, name.substring(name.indexOf('/') + 1));
      assertThatThrownBy(() -> PARSERS.get(provider).parse(body))
          .as(name)
          .isInstanceOf(WebhookParseException.class);
    }
  }

  private static void assertEquivalent(JsonNode sent, WebhookEvent event) throws IOException {
    String json = event.toJson();
    derive(sent);
    JsonNode written = TREE.readTree(json);
    if (event instanceof UnknownEvent) {
      assertThat(written).isEqualTo(sent);
      return;
    }
    assertThat(JsonEquivalence.difference(sent, written))
        .as("%s written back as %s", event.eventType(), json)
        .isEmpty();
  }

  /**
   * Applies to what was sent the one value a record derives from another field (the core README's
   * list): an Agni transcript entry without a {@code role} takes its message's.
   */
  private static void derive(JsonNode sent) {
    for (JsonNode entry : sent.path("data").path("transcripts")) {
      JsonNode messageRole = entry.path("message").path("role");
      if (entry.isObject() && entry.path("role").isMissingNode() || entry.path("role").isNull()) {
        if (messageRole.isTextual()) {
          ((ObjectNode) entry).set("role", messageRole);
        }
      }
    }
  }

  /**
   * Adds one or two undeclared fields to every object in the tree, at the front or the back, with
   * values of every JSON type; returns how many were added.
   */
  private static int addUnknownFields(JsonNode node, Random random, int seed) {
    int added = 0;
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      for (Iterator<JsonNode> it = object.elements(); it.hasNext(); ) {
        added += addUnknownFields(it.next(), random, seed);
      }
      int count = 1 + random.nextInt(2);
      for (int i = 0; i < count; i++) {
        String name = "vh_unknown_" + seed + "_" + added;
        JsonNode value = randomValue(random, 2);
        if (random.nextBoolean()) {
          ObjectNode front = JsonNodeFactory.instance.objectNode();
          front.set(name, value);
          front.setAll(object);
          object.removeAll();
          object.setAll(front);
        } else {
          object.set(name, value);
        }
        added++;
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        added += addUnknownFields(element, random, seed);
      }
    }
    return added;
  }

  private static JsonNode randomValue(Random random, int depth) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    switch (random.nextInt(depth > 0 ? 8 : 6)) {
      case 0:
        return f.textNode("text " + random.nextInt(1000));
      case 1:
        return f.numberNode(random.nextInt());
      case 2:
        return f.numberNode(new BigDecimal(random.nextInt(100_000)).movePointLeft(3));
      case 3:
        return f.booleanNode(random.nextBoolean());
      case 4:
        return f.nullNode();
      case 5:
        return f.numberNode(random.nextLong());
      case 6:
        ObjectNode object = f.objectNode();
        object.set("k" + random.nextInt(10), randomValue(random, depth - 1));
        object.set("n", f.nullNode());
        return object;
      default:
        ArrayNode array = f.arrayNode();
        array.add(randomValue(random, depth - 1));
        array.addNull();
        array.add(randomValue(random, depth - 1));
        return array;
    }
  }
}
