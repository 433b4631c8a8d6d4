package io.voicehooks.testing;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.voicehooks.fixtures.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Strict JSON reading and fixture loading for the tests. */
final class TestJson {
  private static final ObjectMapper STRICT =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private TestJson() {}

  static JsonNode parse(byte[] body) {
    try {
      return STRICT.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode parse(Sample sample) {
    return parse(sample.body());
  }

  /** Reads a shared fixture, strictly, e.g. {@code fixture("agni", "call.completed.json")}. */
  static JsonNode fixture(String provider, String name) {
    return parse(Fixtures.bytes(provider, name));
  }

  /** Lists every field path of a tree in document order, e.g. {@code data.transcripts.0.id}. */
  static List<String> fieldOrder(JsonNode node) {
    List<String> paths = new ArrayList<>();
    collect(node, "", paths);
    return paths;
  }

  private static void collect(JsonNode node, String prefix, List<String> paths) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
        paths.add(path);
        collect(field.getValue(), path, paths);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(node.get(i), prefix + "." + i, paths);
      }
    }
  }

  /** Tells which fields of {@code expected} are missing from or different in {@code actual}. */
  static List<String> differencesWithin(JsonNode expected, JsonNode actual) {
    List<String> differences = new ArrayList<>();
    within(expected, actual, "", differences);
    return differences;
  }

  private static void within(JsonNode expected, JsonNode actual, String path, List<String> out) {
    if (expected.isObject() && actual.isObject()) {
      expected
          .fields()
          .forEachRemaining(
              e ->
                  within(
                      e.getValue(),
                      actual.path(e.getKey()),
                      path.isEmpty() ? e.getKey() : path + "." + e.getKey(),
                      out));
    } else if (!expected.equals(actual)) {
      out.add(path);
    }
  }
}
