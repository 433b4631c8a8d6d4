package io.voicehooks.testing;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** JSON building blocks shared by the sample builders: one mapper, value conversion, text. */
final class SampleJson {
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

  /** Reads text given to {@code setRaw}: one value, numbers exactly as written. */
  private static final ObjectReader RAW =
      MAPPER
          .reader()
          .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);

  /**
   * A support call about an order, continuing the documented example's three turns: the caller's
   * line {@code k} is answered by the agent's line {@code k}. Long transcripts play it in a loop.
   */
  private static final List<String> USER_LINES =
      List.of(
          "Okay, that's good to hear. Do you know roughly when it will get here? I'm away on"
              + " Thursday.",
          "Tomorrow morning works. Can you ask them to leave it with the concierge if I'm not"
              + " home?",
          "Sure, it's john@example.com and the postcode is 94107.",
          "Perfect. And if it arrives late, will I be charged for the express shipping I paid for?",
          "Got it. Could you also send me the tracking link by email so I can keep an eye on it"
              + " myself?",
          "Thanks. Could you switch my delivery notifications to text messages instead of email?",
          "Actually yes. I have a second order, number 4522. Could you check that one too?",
          "That's everything, then. Thanks a lot for sorting this out so quickly.");

  private static final List<String> AGENT_LINES =
      List.of(
          "Thanks for waiting. The carrier's latest update says the parcel is out for delivery"
              + " tomorrow between nine in the morning and one in the afternoon.",
          "Of course. For your security, could you please confirm the email address and the"
              + " postcode we have on file for this order before I make any changes?",
          "That's confirmed, thank you. I've added a note asking the driver to leave the parcel"
              + " with the building concierge if nobody answers the door.",
          "I understand the concern. If it doesn't arrive by Friday I'll refund the express"
              + " shipping straight away, and you won't need to call us again.",
          "Sure, I've just sent the tracking link to john@example.com. It can take a few minutes"
              + " to show up, so please check your spam folder too.",
          "Done. You'll now get a text message from the carrier as soon as a parcel is on its way."
              + " Is there anything else I can help you with today?",
          "Of course! Order 4522 shipped this morning with the same carrier, and it should arrive"
              + " by Friday as well.",
          "You're welcome, John. Thank you for calling Acme Support, and have a great day!");

  private SampleJson() {}

  static ObjectNode object() {
    return NODES.objectNode();
  }

  static byte[] bytes(ObjectNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A sample could not be written as JSON", e);
    }
  }

  /**
   * Converts a value given to a builder (string, number, boolean, null, list, map keyed by strings)
   * to JSON, refusing anything else so that no Jackson type or bean mapping leaks in.
   */
  static JsonNode value(@Nullable Object value) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof String) {
      return NODES.textNode((String) value);
    }
    if (value instanceof Boolean) {
      return NODES.booleanNode((Boolean) value);
    }
    if (value instanceof BigDecimal) {
      return DecimalNode.valueOf((BigDecimal) value); // as given: 1.50 stays 1.50
    }
    if (value instanceof BigInteger) {
      return NODES.numberNode((BigInteger) value);
    }
    if (value instanceof Double || value instanceof Float) {
      return NODES.numberNode(((Number) value).doubleValue());
    }
    if (value instanceof Number) {
      return NODES.numberNode(((Number) value).longValue());
    }
    if (value instanceof Map) {
      ObjectNode node = object();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        if (!(entry.getKey() instanceof String)) {
          throw new IllegalArgumentException("map keys must be strings");
        }
        node.set((String) entry.getKey(), value(entry.getValue()));
      }
      return node;
    }
    if (value instanceof List) {
      ArrayNode node = NODES.arrayNode();
      ((List<?>) value).forEach(element -> node.add(value(element)));
      return node;
    }
    throw new IllegalArgumentException(
        "value must be a String, Number, Boolean, List, Map or null, not "
            + value.getClass().getName());
  }

  /** Parses one JSON value, refusing empty text and trailing content. */
  static JsonNode parse(String json) {
    JsonNode node;
    try {
      node = RAW.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("json is not one JSON value", e);
    }
    if (node == null || node.isMissingNode()) {
      throw new IllegalArgumentException("json is not one JSON value: it is empty");
    }
    return node;
  }

  /** Formats an instant the way the providers' examples do: UTC, whole seconds, {@code Z}. */
  static String seconds(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  /** Formats an instant with milliseconds, as Agntix's examples do. */
  static String millis(Instant instant) {
    Instant truncated = instant.truncatedTo(ChronoUnit.MILLIS);
    String text = DateTimeFormatter.ISO_INSTANT.format(truncated);
    return truncated.getNano() == 0 ? text.replace("Z", ".000Z") : text;
  }

  /** {@return the caller's line of the {@code k}-th generated exchange} */
  static String userLine(int k) {
    return USER_LINES.get(k % USER_LINES.size());
  }

  /** {@return the agent's answer in the {@code k}-th generated exchange} */
  static String agentLine(int k) {
    return AGENT_LINES.get(k % AGENT_LINES.size());
  }

  /** {@return a body parsed as JSON, or a missing node when it is not JSON} */
  static JsonNode read(byte[] body) {
    try {
      return MAPPER.readTree(body);
    } catch (IOException e) {
      return NODES.missingNode();
    }
  }

  /** Reads a text field of a (possibly edited) body, empty when it is missing or not text. */
  static String text(JsonNode node, String... path) {
    JsonNode current = node;
    for (String name : path) {
      current = current.path(name);
    }
    return current.isTextual() ? current.asText() : "";
  }

  static <T> T require(@Nullable T value, String name) {
    return Objects.requireNonNull(value, name + " == null");
  }
}
