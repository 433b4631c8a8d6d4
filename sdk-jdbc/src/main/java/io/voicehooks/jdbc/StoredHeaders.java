package io.voicehooks.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.voicehooks.core.WebhookHeaders;
import io.voicehooks.core.internal.Json;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The headers an inbox row keeps, as the JSON of its {@code headers} column: content type, user
 * agent, the Svix id and timestamp. The rest are dropped: credentials such as {@code Authorization}
 * or a shared-secret header must not sit in a table and its backups, and stored rows are not
 * verified again.
 */
final class StoredHeaders {
  private static final ObjectMapper JSON = Json.mapper();
  private static final TypeReference<Map<String, List<String>>> TYPE = new TypeReference<>() {};
  private static final List<String> KEPT =
      List.of(
          "content-type",
          "user-agent",
          "svix-id",
          "svix-timestamp",
          "webhook-id",
          "webhook-timestamp");

  private StoredHeaders() {}

  /** {@return the headers worth keeping, by lower-case name} */
  static Map<String, List<String>> kept(WebhookHeaders headers) {
    Map<String, List<String>> kept = new TreeMap<>();
    for (String name : KEPT) {
      List<String> values = headers.all(name);
      if (!values.isEmpty()) {
        kept.put(name, values);
      }
    }
    return kept;
  }

  /** {@return the kept headers as the column's JSON} */
  static String write(WebhookHeaders headers) {
    try {
      return JSON.writeValueAsString(kept(headers));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Headers could not be written as JSON", e);
    }
  }

  /** {@return the headers of a stored row; none if its column is not the JSON written here} */
  static WebhookHeaders read(String json) {
    Map<String, List<String>> headers;
    try {
      headers = JSON.readValue(json, TYPE);
    } catch (JsonProcessingException e) {
      headers = Map.of();
    }
    return WebhookHeaders.of(headers);
  }
}
