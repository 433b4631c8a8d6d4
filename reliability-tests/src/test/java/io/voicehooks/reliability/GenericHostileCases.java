package io.voicehooks.reliability;

import static io.voicehooks.reliability.HostileCase.event;
import static io.voicehooks.reliability.HostileCase.rejected;
import static io.voicehooks.reliability.HostileCase.unknown;

import io.voicehooks.core.PayloadTooLargeException;
import io.voicehooks.core.WebhookEvent;
import io.voicehooks.core.WebhookParseException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The hostile bodies every provider must survive, shaped around one valid minimal delivery of the
 * provider: syntax, encodings, limits, duplicates and the type field. Every case has the exact
 * outcome the library gives today; where that outcome is questionable the case name says so and the
 * module README lists it.
 */
final class GenericHostileCases {
  private static final String NOT_AN_OBJECT = "Body is not a JSON object";
  private static final String MALFORMED = "Malformed JSON";
  static final String DUPLICATE = "Duplicate key in a JSON object";

  private GenericHostileCases() {}

  /**
   * Builds the shared cases.
   *
   * @param valid a minimal valid body, a one-line JSON object whose type field (if any) is first
   * @param validType the record {@code valid} parses to
   * @param typeField the type field, or null for a provider with a single type
   * @param unknownType the provider's unknown event, or null for a provider with a single type
   * @param identity checks the exact identity {@code valid} parses to (event type, ids, key): every
   *     case that must still parse to that event is held to it, not just to its record type
   */
  static List<HostileCase> cases(
      String valid,
      Class<? extends WebhookEvent> validType,
      @Nullable String typeField,
      @Nullable Class<? extends WebhookEvent> unknownType,
      Consumer<WebhookEvent> identity) {
    List<HostileCase> cases = new ArrayList<>();
    HostileCase.Expectation sameEvent = event(validType, identity::accept);
    // Not a JSON object at all.
    cases.add(
        HostileCase.of("empty body", "", rejected(WebhookParseException.class, NOT_AN_OBJECT)));
    cases.add(
        HostileCase.of(
            "whitespace only", " \r\n\t ", rejected(WebhookParseException.class, NOT_AN_OBJECT)));
    cases.add(
        HostileCase.of("JSON null", "null", rejected(WebhookParseException.class, NOT_AN_OBJECT)));
    cases.add(
        HostileCase.of("a number", "42", rejected(WebhookParseException.class, NOT_AN_OBJECT)));
    cases.add(
        HostileCase.of(
            "a string", "\"post_call\"", rejected(WebhookParseException.class, NOT_AN_OBJECT)));
    cases.add(
        HostileCase.of(
            "an array holding a valid delivery",
            "[" + valid + "]",
            rejected(WebhookParseException.class, NOT_AN_OBJECT)));
    // Broken syntax.
    cases.add(
        HostileCase.of(
            "truncated JSON",
            valid.substring(0, valid.length() - 1),
            rejected(WebhookParseException.class, MALFORMED)));
    cases.add(
        HostileCase.of(
            "trailing garbage", valid + " x", rejected(WebhookParseException.class, MALFORMED)));
    cases.add(
        HostileCase.of(
            "a second object after the first",
            valid + "{}",
            rejected(WebhookParseException.class, "Trailing content after the JSON object")));
    cases.add(
        HostileCase.of(
            "a comment (not JSON)",
            valid.replaceFirst("\\{", "{/* c */"),
            rejected(WebhookParseException.class, MALFORMED)));
    cases.add(
        HostileCase.of(
            "NaN literal",
            with(valid, "\"zz\":NaN"),
            rejected(WebhookParseException.class, MALFORMED)));
    // Encodings.
    cases.add(
        HostileCase.of(
            "UTF-8 byte order mark", () -> Payloads.withBom(Payloads.utf8(valid)), sameEvent));
    cases.add(
        HostileCase.of(
            "invalid UTF-8 (0xFF) in a value",
            () -> invalidUtf8(with(valid, "\"zz\":\"a#b\"")),
            rejected(WebhookParseException.class, MALFORMED)));
    cases.add(
        HostileCase.of(
            "UTF-16 body (JSON on the wire must be UTF-8)",
            () -> valid.getBytes(StandardCharsets.UTF_16),
            rejected(WebhookParseException.class, "Body is not UTF-8 encoded JSON")));
    cases.add(
        HostileCase.of(
            "raw NUL byte in a value",
            with(valid, "\"zz\":\"a\u0000b\""),
            rejected(WebhookParseException.class, MALFORMED)));
    cases.add(
        HostileCase.of(
            "raw NUL byte after the object",
            valid + "\u0000",
            rejected(WebhookParseException.class, MALFORMED)));
    cases.add(
        HostileCase.of("escaped NUL in a value", with(valid, "\"zz\":\"a\\u0000b\""), sameEvent));
    cases.add(
        HostileCase.of(
            "lone surrogate escape in a value", with(valid, "\"zz\":\"\\ud800\""), sameEvent));
    // Limits.
    cases.add(
        HostileCase.of(
            "10,000-deep nesting",
            with(valid, "\"zz\":" + Payloads.nestedArrays(10_000)),
            rejected(WebhookParseException.class, "JSON exceeds a limit (nesting depth)")));
    cases.add(
        HostileCase.of(
            "nesting at the depth limit (64)",
            with(valid, "\"zz\":" + Payloads.nestedArrays(63)),
            sameEvent));
    cases.add(
        HostileCase.of(
            "50 MB string",
            () -> Payloads.repeat(prefix(valid, "\"zz\":\""), 'x', 50 << 20, "\"}"),
            rejected(PayloadTooLargeException.class, "Body exceeds the limit of 4194304 bytes")));
    cases.add(
        HostileCase.of(
            "10 MB number",
            () -> Payloads.repeat(prefix(valid, "\"zz\":"), '7', 10 << 20, "}"),
            rejected(PayloadTooLargeException.class, "Body exceeds the limit of 4194304 bytes")));
    cases.add(
        HostileCase.of(
            "2 MB string under the body limit",
            () -> Payloads.repeat(prefix(valid, "\"zz\":\""), 'x', 2 << 20, "\"}"),
            rejected(WebhookParseException.class, "JSON exceeds a limit (string length)")));
    cases.add(
        HostileCase.of(
            "2 MB field name",
            () -> Payloads.repeat(prefix(valid, "\""), 'k', 2 << 20, "\":1}"),
            rejected(WebhookParseException.class, "JSON exceeds a limit (string length)")));
    cases.add(
        HostileCase.of(
            "100-digit number",
            with(valid, "\"zz\":" + "9".repeat(100)),
            rejected(WebhookParseException.class, "JSON exceeds a limit (number length)")));
    cases.add(
        HostileCase.of(
            "huge array (1,000,000 elements)",
            with(valid, "\"zz\":" + Payloads.zeros(1_000_000)),
            sameEvent));
    // Duplicates.
    cases.add(
        HostileCase.of(
            "duplicate key",
            with(valid, "\"zz\":1,\"zz\":2"),
            rejected(WebhookParseException.class, DUPLICATE)));
    if (typeField == null || unknownType == null) {
      return cases;
    }
    // The type field.
    String rest = valid.substring(valid.indexOf(',') + 1);
    String field = "\"" + typeField + "\":";
    String mustBeString = "Field '" + typeField + "' must be a string";
    cases.add(
        HostileCase.of(
            "type field duplicated with two values",
            valid.replaceFirst(",", "," + field + "\"other.type\","),
            rejected(WebhookParseException.class, DUPLICATE)));
    cases.add(
        HostileCase.of(
            "type field duplicated with the same value",
            valid.replaceFirst(",", "," + valid.substring(1, valid.indexOf(',')) + ","),
            rejected(WebhookParseException.class, DUPLICATE)));
    for (String wrong : List.of("42", "true", "null", "{}", "[\"x\"]")) {
      cases.add(
          HostileCase.of(
              "type field as " + wrong,
              "{" + field + wrong + "," + rest,
              rejected(WebhookParseException.class, mustBeString)));
    }
    cases.add(
        HostileCase.of(
            "type field last, as a number",
            "{" + rest.substring(0, rest.length() - 1) + "," + field + "7}",
            rejected(WebhookParseException.class, mustBeString)));
    cases.add(
        HostileCase.of(
            "type field empty",
            "{" + field + "\"\"," + rest,
            rejected(WebhookParseException.class, "Missing required field '" + typeField + "'")));
    cases.add(
        HostileCase.of(
            "type field absent",
            "{" + rest,
            rejected(WebhookParseException.class, "Missing required field '" + typeField + "'")));
    cases.add(
        HostileCase.of(
            "type field after the payload",
            "{"
                + rest.substring(0, rest.length() - 1)
                + ","
                + valid.substring(1, valid.indexOf(','))
                + "}",
            sameEvent));
    cases.add(
        HostileCase.of(
            "unknown type",
            "{" + field + "\"brand.new\"," + rest,
            unknown(unknownType, "brand.new")));
    cases.add(
        HostileCase.of(
            "type in another case is another type",
            "{" + field + "\"" + typeOf(valid).toUpperCase(Locale.ROOT) + "\"," + rest,
            unknown(unknownType, typeOf(valid).toUpperCase(Locale.ROOT))));
    return cases;
  }

  /** Inserts a field before the closing brace of a one-line JSON object. */
  static String with(String json, String field) {
    return json.substring(0, json.length() - 1) + "," + field + "}";
  }

  /** Everything of {@link #with} before the value's end, for bodies built as bytes. */
  private static String prefix(String json, String start) {
    return json.substring(0, json.length() - 1) + "," + start;
  }

  private static String typeOf(String valid) {
    int colon = valid.indexOf(':');
    return valid.substring(colon + 2, valid.indexOf('"', colon + 2));
  }

  /** Replaces the first {@code #} with the byte 0xFF, never valid in UTF-8. */
  private static byte[] invalidUtf8(String json) {
    byte[] bytes = Payloads.utf8(json);
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '#') {
        bytes[i] = (byte) 0xFF;
        break;
      }
    }
    return bytes;
  }
}
