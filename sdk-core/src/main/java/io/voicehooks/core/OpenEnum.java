package io.voicehooks.core;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.voicehooks.core.internal.OpenEnumDeserializer;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * A value from a provider's documented set that may grow: the matching enum constant, or {@code
 * UNKNOWN}, together with the string exactly as sent.
 *
 * <p>A new value from a provider therefore never fails a delivery:
 *
 * <pre>{@code
 * OpenEnum<CallStatus> status = call.status();
 * if (status.is(CallStatus.COMPLETED)) { ... }
 * switch (status.value()) { case COMPLETED -> ...; case UNKNOWN -> log(status.raw()); ... }
 * }</pre>
 *
 * <p>Wire values match constants by name, ignoring case, surrounding spaces, and hyphens or spaces
 * in place of underscores: {@code no_answer}, {@code no-answer} and {@code No Answer} are all
 * {@code NO_ANSWER}. Every enum used here declares an {@code UNKNOWN} constant. It serialises back
 * to JSON as the raw string.
 *
 * @param value the matching constant, or {@code UNKNOWN}
 * @param raw the value as the provider sent it
 * @param <E> the enum of documented values
 */
@JsonDeserialize(using = OpenEnumDeserializer.class)
public record OpenEnum<E extends Enum<E>>(E value, @JsonValue String raw) {
  private static final Map<Class<?>, Map<String, ?>> CONSTANTS = new ConcurrentHashMap<>();

  /**
   * Creates an open value; prefer {@link #of(Class, String)}, which finds the constant.
   *
   * @param value the matching constant, or {@code UNKNOWN}
   * @param raw the value as the provider sent it
   */
  public OpenEnum {
    Objects.requireNonNull(value, "value == null");
    Objects.requireNonNull(raw, "raw == null");
  }

  /**
   * Returns the open value for a wire string.
   *
   * @param type the enum, which must declare an {@code UNKNOWN} constant
   * @param raw the value as sent
   * @param <E> the enum type
   * @return the matching constant with the raw string, or {@code UNKNOWN} with it
   * @throws IllegalArgumentException if the enum has no {@code UNKNOWN} constant
   */
  public static <E extends Enum<E>> OpenEnum<E> of(Class<E> type, String raw) {
    Objects.requireNonNull(type, "type == null");
    Objects.requireNonNull(raw, "raw == null");
    @SuppressWarnings("unchecked")
    Map<String, E> byName = (Map<String, E>) CONSTANTS.computeIfAbsent(type, OpenEnum::index);
    E value = byName.get(raw);
    if (value == null) {
      value = byName.get(normalize(raw));
    }
    return new OpenEnum<>(value == null ? byName.get("UNKNOWN") : value, raw);
  }

  /**
   * Returns the open value for a known constant, with its name lower-cased as the raw string.
   *
   * @param value the constant
   * @param <E> the enum type
   * @return the open value
   */
  public static <E extends Enum<E>> OpenEnum<E> of(E value) {
    Objects.requireNonNull(value, "value == null");
    return new OpenEnum<>(value, value.name().toLowerCase(Locale.ROOT));
  }

  /** {@code " no-answer "} and {@code "No Answer"} both become {@code NO_ANSWER}. */
  private static String normalize(String raw) {
    return raw.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
  }

  private static Map<String, ?> index(Class<?> type) {
    Map<String, Object> byName = new ConcurrentHashMap<>();
    for (Object constant : type.getEnumConstants()) {
      String name = ((Enum<?>) constant).name();
      byName.put(name, constant);
      byName.put(name.toLowerCase(Locale.ROOT), constant);
    }
    if (!byName.containsKey("UNKNOWN")) {
      throw new IllegalArgumentException(type.getName() + " has no UNKNOWN constant");
    }
    return Map.copyOf(byName);
  }

  /**
   * Tells whether this is the given constant.
   *
   * @param constant the constant to compare with
   * @return true when {@link #value()} is {@code constant}
   */
  public boolean is(E constant) {
    return value == constant;
  }

  /** {@return true when the provider sent a value this SDK does not know} */
  public boolean isUnknown() {
    return "UNKNOWN".equals(value.name());
  }

  /**
   * Compares by meaning: two known values are equal when they are the same constant, however the
   * provider spelled them ({@code "completed"}, {@code "COMPLETED"}); two unknown values are equal
   * when their raw strings are.
   *
   * @param o the other object
   * @return whether both denote the same value
   */
  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof OpenEnum)) {
      return false;
    }
    OpenEnum<?> other = (OpenEnum<?>) o;
    return value == other.value && (!isUnknown() || raw.equals(other.raw));
  }

  @Override
  public int hashCode() {
    return isUnknown() ? raw.hashCode() : value.hashCode();
  }

  @Override
  public String toString() {
    return raw;
  }
}
