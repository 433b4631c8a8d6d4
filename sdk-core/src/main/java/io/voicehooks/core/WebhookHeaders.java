package io.voicehooks.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP headers of one delivery: immutable, multi-valued, with case-insensitive names.
 *
 * <p>Framework adapters build it from their own header type in one line, from a map or from the
 * names and a lookup of each name's values:
 *
 * <pre>{@code
 * WebhookHeaders.of(exchange.getRequestHeaders());                 // JDK HttpServer
 * WebhookHeaders.of(headers.headerNames(), headers::get);          // Spring 7 HttpHeaders
 * WebhookHeaders.of(headers.names(), headers::getAll);             // Netty, Vert.x
 * WebhookHeaders.of(Collections.list(request.getHeaderNames()),    // Jakarta Servlet
 *     name -> Collections.list(request.getHeaders(name)));
 * WebhookHeaders.of("svix-id", id, "svix-timestamp", ts);          // tests
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe. {@link #toString()} lists header names only, never
 * values, so a {@code WebhookHeaders} can be logged without leaking signatures or credentials.
 */
public final class WebhookHeaders {
  private static final WebhookHeaders EMPTY = new WebhookHeaders(new TreeMap<>());

  // Keys are lower-cased so lookups need no case-insensitive comparator on the hot path.
  private final Map<String, List<String>> values;

  private WebhookHeaders(TreeMap<String, List<String>> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  /** {@return headers with no entries} */
  public static WebhookHeaders empty() {
    return EMPTY;
  }

  /**
   * Returns headers holding a copy of the given map. Names that differ only in case are merged,
   * their values kept in iteration order. Null names and null values are skipped (some servlet
   * containers report the status line under a null name).
   *
   * @param headers header names to their values
   * @return the headers
   */
  public static WebhookHeaders of(Map<String, ? extends Collection<String>> headers) {
    Objects.requireNonNull(headers, "headers == null");
    TreeMap<String, List<String>> copy = new TreeMap<>();
    for (Map.Entry<String, ? extends Collection<String>> e : headers.entrySet()) {
      if (e.getKey() == null || e.getValue() == null) {
        continue;
      }
      for (String value : e.getValue()) {
        if (value != null) {
          add(copy, e.getKey(), value);
        }
      }
    }
    return freeze(copy);
  }

  /**
   * Returns headers from their names and a lookup of each name's values, the shape most frameworks'
   * header types offer without exposing a map: {@code of(headers.headerNames(), headers::get)} for
   * Spring 7's {@code HttpHeaders}, {@code of(headers.names(), headers::getAll)} for Netty's. A
   * name is looked up once, in the case first seen: a name repeated in another case is taken to be
   * the same header (the lookups of header types are case-insensitive); for a case-sensitive map of
   * headers use {@link #of(Map)}. Null names, null values and a null result of the lookup are
   * skipped.
   *
   * @param names the header names
   * @param valuesOf returns a name's values, in the order received
   * @return the headers
   */
  public static WebhookHeaders of(
      Iterable<String> names,
      Function<? super String, ? extends @Nullable Iterable<? extends @Nullable String>> valuesOf) {
    Objects.requireNonNull(names, "names == null");
    Objects.requireNonNull(valuesOf, "valuesOf == null");
    TreeMap<String, List<String>> copy = new TreeMap<>();
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      if (name == null || !seen.add(name.toLowerCase(Locale.ROOT))) {
        continue;
      }
      Iterable<? extends @Nullable String> values = valuesOf.apply(name);
      if (values == null) {
        continue;
      }
      for (String value : values) {
        if (value != null) {
          add(copy, name, value);
        }
      }
    }
    return freeze(copy);
  }

  /**
   * Returns headers from alternating names and values: {@code of("svix-id", "msg_1",
   * "svix-timestamp", "1614265330")}. A name may repeat to give several values.
   *
   * @param nameValuePairs names and values, alternating
   * @return the headers
   * @throws IllegalArgumentException if an odd number of strings is given
   */
  public static WebhookHeaders of(String... nameValuePairs) {
    Objects.requireNonNull(nameValuePairs, "nameValuePairs == null");
    if (nameValuePairs.length % 2 != 0) {
      throw new IllegalArgumentException("nameValuePairs must hold names and values in pairs");
    }
    TreeMap<String, List<String>> copy = new TreeMap<>();
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      String name = Objects.requireNonNull(nameValuePairs[i], "header name == null");
      String value = Objects.requireNonNull(nameValuePairs[i + 1], "value of a header == null");
      add(copy, name, value);
    }
    return freeze(copy);
  }

  private static void add(Map<String, List<String>> map, String name, String value) {
    map.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>(1)).add(value);
  }

  private static WebhookHeaders freeze(TreeMap<String, List<String>> map) {
    map.replaceAll((k, v) -> List.copyOf(v));
    return map.isEmpty() ? EMPTY : new WebhookHeaders(map);
  }

  /**
   * Returns the first value of a header.
   *
   * @param name the header name, in any case
   * @return the first value, or null when the header is absent
   */
  public @Nullable String first(String name) {
    List<String> all = values.get(name.toLowerCase(Locale.ROOT));
    return all == null ? null : all.get(0);
  }

  /**
   * Returns every value of a header, in the order received.
   *
   * @param name the header name, in any case
   * @return the values, empty when the header is absent
   */
  public List<String> all(String name) {
    return values.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
  }

  /** {@return the header names present, lower-cased and sorted} */
  public Set<String> names() {
    return values.keySet();
  }

  /** {@return the headers as an unmodifiable map from lower-cased name to values} */
  public Map<String, List<String>> asMap() {
    return values;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof WebhookHeaders && values.equals(((WebhookHeaders) o).values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  /** Lists the header names only: values may hold signatures and credentials. */
  @Override
  public String toString() {
    return "WebhookHeaders" + values.keySet();
  }
}
