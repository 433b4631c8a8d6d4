package io.voicehooks.core.internal;

import java.util.Collection;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Builds a record's {@code toString()} in the shape the JDK gives records ({@code Name[a=1, b=2]}),
 * with the components that hold personal data redacted, so that logging an event never logs a
 * caller's name, number or words.
 *
 * <pre>{@code
 * @Override
 * public String toString() {
 *   return ToString.of(this).add("id", id).redact("content", content).add("role", role).toString();
 * }
 * }</pre>
 *
 * <p>{@link #add} shows a value as {@link String#valueOf(Object)} does, so a nested record prints
 * through its own (redacted) {@code toString()}. {@link #redact} shows only what the value's shape
 * tells: {@code null} stays {@code null}, text becomes {@code <redacted, 13 chars>}, a list {@code
 * <3 items>}, a map {@code <2 entries>} and any other value {@code <redacted>}. A map's keys are
 * hidden too: in a free-form object they are text from the sender (an extraction schema, an LLM, a
 * caller's own variable names) and can themselves be personal, such as a map keyed by phone number.
 *
 * <p>The policy, applied by every record: ids, types, statuses, enums, times, durations, money,
 * scores and counts are shown; names, phone numbers, email and street addresses, summaries,
 * transcripts and other free text, free-form objects, and URLs (which may carry access tokens) are
 * redacted. Accessors and JSON serialisation are unaffected.
 */
public final class ToString {
  private final StringBuilder out;
  private boolean empty = true;

  private ToString(String name) {
    out = new StringBuilder(128).append(name).append('[');
  }

  /**
   * Starts the string of a record, or of any other VoiceHooks type (parsers, verifiers, clients,
   * stores), named as the JDK names records (the simple class name): one shape for every {@code
   * toString()} in the library.
   *
   * @param instance the record or object being printed
   * @return a builder to add the components to, in declaration order
   */
  public static ToString of(Object instance) {
    return new ToString(instance.getClass().getSimpleName());
  }

  /**
   * Adds a component shown as it is.
   *
   * @param name the component's name
   * @param value its value, or null
   * @return this builder
   */
  public ToString add(String name, @Nullable Object value) {
    return append(name, String.valueOf(value));
  }

  /**
   * Adds a component shown only by its shape (see {@link #redacted(Object)}).
   *
   * @param name the component's name
   * @param value its value, or null
   * @return this builder
   */
  public ToString redact(String name, @Nullable Object value) {
    return append(name, redacted(value));
  }

  /**
   * Describes a value without showing it: {@code null}, {@code <redacted, 13 chars>} for text,
   * {@code <3 items>} for a collection, {@code <2 entries>} for a map, {@code <redacted>}
   * otherwise.
   *
   * @param value the value, or null
   * @return its description
   */
  public static String redacted(@Nullable Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof CharSequence) {
      return "<redacted, " + count(((CharSequence) value).length(), "char") + ">";
    }
    if (value instanceof Collection) {
      return "<" + count(((Collection<?>) value).size(), "item") + ">";
    }
    if (value instanceof Map) {
      return "<" + count(((Map<?, ?>) value).size(), "entry") + ">";
    }
    return "<redacted>";
  }

  private static String count(int n, String noun) {
    if (n == 1) {
      return "1 " + noun;
    }
    return n
        + " "
        + (noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s");
  }

  private ToString append(String name, String shown) {
    if (!empty) {
      out.append(", ");
    }
    empty = false;
    out.append(name).append('=').append(shown);
    return this;
  }

  /** {@return the record's string: its name and the components added, in brackets} */
  @Override
  public String toString() {
    return out + "]";
  }
}
