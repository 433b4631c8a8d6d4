package io.voicehooks.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Compares the JSON a provider sent with what {@code WebhookEvent.toJson()} wrote back, allowing
 * exactly the normalisations the core README lists under "Writing events back" and nothing else:
 *
 * <ol>
 *   <li>a member that is null, an empty array or an empty object is the same as an absent one;
 *   <li>numbers are equal by value ({@code 0} and {@code 0.0});
 *   <li>a scalar read as its declared type is written in it: a numeric string as a number, a number
 *       or boolean as text, {@code "true"}/{@code "false"} as a boolean;
 *   <li>instants are written in ISO-8601 UTC: text or epoch numbers naming the same instant are
 *       equal;
 *   <li>an array a record sorts (Agni's transcripts) may come back in another order;
 *   <li>an element of a typed list that is not a value of the list's type (null, or an object among
 *       strings) is dropped.
 * </ol>
 */
final class JsonEquivalence {
  private JsonEquivalence() {}

  /**
   * Returns the first difference between what was sent and what was written, as a path and a
   * description, or empty when they are equivalent.
   */
  static Optional<String> difference(JsonNode sent, JsonNode written) {
    return Optional.ofNullable(diff("$", sent, written));
  }

  private static @Nullable String diff(String path, JsonNode sent, JsonNode written) {
    if (sent.isObject() && written.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = sent.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode other = written.get(e.getKey());
        String at = path + "." + e.getKey();
        if (isAbsent(e.getValue())) {
          if (other != null && !isAbsent(other)) {
            return at + ": sent absent, written " + other;
          }
        } else if (other == null) {
          return at + ": sent, not written";
        } else {
          String d = diff(at, e.getValue(), other);
          if (d != null) {
            return d;
          }
        }
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = written.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!sent.has(e.getKey()) && !isAbsent(e.getValue())) {
          return path + "." + e.getKey() + ": written, never sent";
        }
      }
      return null;
    }
    if (sent.isArray() && written.isArray()) {
      return arrays(path, sent, written);
    }
    if (sent.isValueNode() && written.isValueNode() && sameScalar(sent, written)) {
      return null;
    }
    return path + ": sent " + sent.getNodeType() + ", written " + written.getNodeType();
  }

  private static @Nullable String arrays(String path, JsonNode sent, JsonNode written) {
    List<JsonNode> writtenElements = new ArrayList<>();
    Set<JsonNodeType> writtenTypes = EnumSet.noneOf(JsonNodeType.class);
    for (JsonNode w : written) {
      if (!w.isNull()) {
        writtenElements.add(w);
        writtenTypes.add(w.getNodeType());
      }
    }
    List<JsonNode> kept = new ArrayList<>();
    for (JsonNode element : sent) {
      // Dropped: nulls, and elements of a JSON type no written element has.
      if (!element.isNull() && writtenTypes.contains(element.getNodeType())) {
        kept.add(element);
      }
    }
    if (kept.size() != writtenElements.size()) {
      return path + ": sent " + kept.size() + " elements, written " + writtenElements.size();
    }
    List<JsonNode> unmatched = new ArrayList<>(writtenElements);
    for (int i = 0; i < kept.size(); i++) {
      // In order where possible; else anywhere (an array a record sorts).
      int found = diff(path, kept.get(i), unmatched.get(0)) == null ? 0 : -1;
      for (int j = 1; j < unmatched.size() && found < 0; j++) {
        if (diff(path, kept.get(i), unmatched.get(j)) == null) {
          found = j;
        }
      }
      if (found < 0) {
        return path
            + "["
            + i
            + "]: no equivalent written element; in place: "
            + diff(path + "[" + i + "]", kept.get(i), writtenElements.get(i));
      }
      unmatched.remove(found);
    }
    return null;
  }

  private static boolean isAbsent(JsonNode node) {
    return node.isNull() || (node.isContainerNode() && allAbsent(node));
  }

  private static boolean allAbsent(JsonNode container) {
    if (container.isArray()) {
      return container.isEmpty();
    }
    for (JsonNode child : container) {
      if (!isAbsent(child)) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameScalar(JsonNode a, JsonNode b) {
    if (a.equals(b) || a.asText().equals(b.asText())) {
      return true; // equal, or a number or boolean read as text
    }
    BigDecimal x = number(a);
    BigDecimal y = number(b);
    if (x != null && y != null && x.compareTo(y) == 0) {
      return true;
    }
    if (a.isBoolean() || b.isBoolean()) {
      return a.asText().trim().equalsIgnoreCase(b.asText().trim());
    }
    Instant i = instant(a);
    return i != null && i.equals(instant(b));
  }

  private static @Nullable BigDecimal number(JsonNode node) {
    if (node.isNumber()) {
      return node.decimalValue();
    }
    if (node.isTextual()) {
      try {
        return new BigDecimal(node.textValue().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static @Nullable Instant instant(JsonNode node) {
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      long n = node.longValue(); // epoch seconds, or milliseconds from 1e11 as LenientInstant reads
      try {
        return n >= 100_000_000_000L ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n);
      } catch (DateTimeException e) {
        return null;
      }
    }
    if (!node.isTextual()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(node.textValue()).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
