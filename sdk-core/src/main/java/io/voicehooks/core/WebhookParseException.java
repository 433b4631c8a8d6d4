package io.voicehooks.core;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a delivery's body is not the JSON a parser expects: malformed or truncated JSON, a
 * body that is not a JSON object, a JSON limit exceeded, or a missing identity field.
 *
 * <p>The message names the field path and the event type where they are known, never a value. A
 * handler answers this exception with HTTP 400.
 */
public final class WebhookParseException extends WebhookException {
  private static final long serialVersionUID = 1L;

  /** The JSON path of the offending field, or null. */
  private final @Nullable String fieldPath;

  /** The event type being parsed, or null. */
  private final @Nullable String eventType;

  /**
   * Creates a parse exception.
   *
   * @param message what failed, without payload values
   * @param fieldPath the JSON path of the offending field (such as {@code data.call_session_id}),
   *     or null when the failure concerns the whole body
   * @param eventType the event type being parsed, or null when it is not known yet
   */
  public WebhookParseException(
      String message, @Nullable String fieldPath, @Nullable String eventType) {
    super(message);
    this.fieldPath = fieldPath;
    this.eventType = eventType;
  }

  /**
   * Creates a parse exception that concerns the whole body.
   *
   * @param message what failed, without payload values
   */
  public WebhookParseException(String message) {
    this(message, null, null);
  }

  /**
   * Creates the exception for a required field that is absent, null or empty.
   *
   * @param fieldPath the JSON path of the field, such as {@code data.call_session_id}
   * @param eventType the event type being parsed, or null when it is not known
   * @return the exception, with a message naming the field and the event type
   */
  public static WebhookParseException missingField(String fieldPath, @Nullable String eventType) {
    String where = eventType == null ? "" : " in '" + eventType + "' event";
    return new WebhookParseException(
        "Missing required field '" + fieldPath + "'" + where, fieldPath, eventType);
  }

  /** {@return the JSON path of the offending field, or null when the whole body is at fault} */
  public @Nullable String fieldPath() {
    return fieldPath;
  }

  /** {@return the event type being parsed, or null when it was not known yet} */
  public @Nullable String eventType() {
    return eventType;
  }
}
