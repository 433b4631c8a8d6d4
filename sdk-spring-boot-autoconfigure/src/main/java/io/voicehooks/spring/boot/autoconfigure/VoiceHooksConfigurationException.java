package io.voicehooks.spring.boot.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * Stops startup on a VoiceHooks setting that cannot work, naming the property (such as {@code
 * voicehooks.agntix.secrets}) and what to do about it; {@link VoiceHooksFailureAnalyzer} turns it
 * into Spring Boot's startup failure report. Messages never hold a secret's value.
 */
public class VoiceHooksConfigurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The property at fault. */
  private final String property;

  /** What to do about it. */
  private final String action;

  /**
   * Creates the exception.
   *
   * @param property the property at fault, such as {@code voicehooks.agntix.secrets}
   * @param description what is wrong, naming the property
   * @param action what to do about it
   * @param cause the library's own refusal, if any
   */
  VoiceHooksConfigurationException(
      String property, String description, String action, @Nullable Throwable cause) {
    super(description + " Action: " + action, cause);
    this.property = property;
    this.action = action;
  }

  /** {@return the property at fault} */
  public String property() {
    return property;
  }

  /** {@return what is wrong, without the action} */
  public String description() {
    String message = getMessage();
    return message.substring(0, message.length() - (" Action: " + action).length());
  }

  /** {@return what to do about it} */
  public String action() {
    return action;
  }
}
