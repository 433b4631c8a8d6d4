package io.voicehooks.core.internal;

import org.jspecify.annotations.Nullable;

/**
 * Checks the text settings builders take (secrets, organisation ids, API keys), with messages that
 * say which provider's setting is wrong and where its value comes from. Values are often read from
 * environment variables, so an unset one arrives as null. Messages never contain the value.
 */
public final class Settings {
  private Settings() {}

  /**
   * Returns a required text setting, refusing null, empty and blank values.
   *
   * @param value the value as passed
   * @param setting what it is, naming the provider, such as {@code "Agntix signing secret"}
   * @param source where its value comes from, such as {@code "the whsec_... value shown on the
   *     endpoint in the Agntix dashboard"}
   * @return the value, unchanged
   * @throws NullPointerException if the value is null ("is not set")
   * @throws IllegalArgumentException if it is empty or blank
   */
  public static String requireText(@Nullable String value, String setting, String source) {
    if (value == null) {
      throw new NullPointerException(setting + " is not set (null): pass " + source);
    }
    if (value.isBlank()) {
      throw new IllegalArgumentException(
          setting + " is " + (value.isEmpty() ? "empty" : "blank") + ": pass " + source);
    }
    return value;
  }
}
