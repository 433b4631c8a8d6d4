package io.voicehooks.core.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.voicehooks.core.JsonLimits;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Deep, immutable copies of free-form JSON values ({@code Map<String, Object>}, lists, strings,
 * numbers, booleans and nulls), the one representation every module uses for objects of
 * undocumented shape. Null values are kept, since providers send them.
 */
public final class FreeForm {
  /** Built on first use: most parses never need it (start-up time). */
  private static final class Reader {
    /** Reads text a parser has already accepted under the user's limits, so no tighter ones. */
    static final ObjectMapper MAPPER =
        Json.mapper(new JsonLimits(Integer.MAX_VALUE - 8, 1_000, Integer.MAX_VALUE, 10_000));

    static final TypeReference<Map<String, @Nullable Object>> MAP = new TypeReference<>() {};
  }

  private FreeForm() {}

  /**
   * Parses a JSON object's text into a free-form map, as the unknown events offer their fields.
   *
   * @param json the text of a JSON object, already known to be well formed
   * @return an unmodifiable deep copy; empty if the text is not a JSON object
   */
  public static Map<String, @Nullable Object> parse(String json) {
    try {
      return copyOf(Reader.MAPPER.readValue(json, Reader.MAP));
    } catch (JsonProcessingException | RuntimeException e) {
      return Map.of();
    }
  }

  /**
   * Copies a list of typed values, dropping null elements, which no record list holds.
   *
   * @param list the list, or null
   * @param <T> the element type
   * @return an unmodifiable copy; empty for null
   */
  public static <T> List<T> listOf(@Nullable List<? extends @Nullable T> list) {
    if (list == null || list.isEmpty()) {
      return List.of();
    }
    List<T> copy = new ArrayList<>(list.size());
    for (T value : list) {
      if (value != null) {
        copy.add(value);
      }
    }
    return Collections.unmodifiableList(copy);
  }

  /**
   * Copies a free-form object.
   *
   * @param map the object, or null
   * @return an unmodifiable deep copy; empty for null
   */
  public static Map<String, @Nullable Object> copyOf(@Nullable Map<String, ?> map) {
    if (map == null || map.isEmpty()) {
      return Map.of();
    }
    Map<String, @Nullable Object> copy = new LinkedHashMap<>(Math.max(4, map.size() * 2));
    for (Map.Entry<String, ?> e : map.entrySet()) {
      copy.put(e.getKey(), copyValue(e.getValue()));
    }
    return Collections.unmodifiableMap(copy);
  }

  /**
   * Copies a free-form array.
   *
   * @param list the array, or null
   * @return an unmodifiable deep copy; empty for null
   */
  public static List<@Nullable Object> copyOf(@Nullable List<?> list) {
    if (list == null || list.isEmpty()) {
      return List.of();
    }
    List<@Nullable Object> copy = new ArrayList<>(list.size());
    for (Object value : list) {
      copy.add(copyValue(value));
    }
    return Collections.unmodifiableList(copy);
  }

  /**
   * Copies any free-form value.
   *
   * @param value a map, list or scalar, or null
   * @return an unmodifiable deep copy of maps and lists; scalars as they are
   */
  @SuppressWarnings("unchecked")
  public static @Nullable Object copyValue(@Nullable Object value) {
    if (value instanceof Map) {
      return copyOf((Map<String, ?>) value);
    }
    if (value instanceof List) {
      return copyOf((List<?>) value);
    }
    return value;
  }
}
