package io.voicehooks.testing;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** JSON building blocks shared by the sample builders: one mapper, node conversion, text. */
final class SampleJson {
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

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

  /** Converts a value given to a builder knob (string, number, boolean, map, list) to JSON. */
  static JsonNode node(@Nullable Object value) {
    if (value instanceof JsonNode) {
      return (JsonNode) value;
    }
    return MAPPER.valueToTree(value);
  }

  static ObjectNode objectOf(Map<String, ?> values) {
    ObjectNode node = object();
    values.forEach((k, v) -> node.set(k, node(v)));
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

  /** Reads a text field of a (possibly customised) body, empty when it is missing or not text. */
  static String text(JsonNode node, String... path) {
    JsonNode current = node;
    for (String name : path) {
      current = current.path(name);
    }
    return current.isTextual() ? current.asText() : "";
  }

  static void apply(@Nullable Consumer<? super ObjectNode> customizer, ObjectNode node) {
    if (customizer != null) {
      customizer.accept(node);
    }
  }

  static <T> T require(@Nullable T value, String name) {
    return Objects.requireNonNull(value, name + " == null");
  }
}
