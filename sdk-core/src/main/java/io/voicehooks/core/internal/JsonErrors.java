package io.voicehooks.core.internal;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.voicehooks.core.WebhookException;
import io.voicehooks.core.WebhookParseException;
import org.jspecify.annotations.Nullable;

/**
 * Turns what Jackson throws while reading a body into the SDK's errors: a {@link
 * WebhookParseException} naming the field path, the event type and the kind of fault (syntax,
 * duplicate key, limit, early end, trailing content), never a value; an SDK error thrown from
 * inside a record's constructor or a deserializer passes through.
 */
final class JsonErrors {
  private JsonErrors() {}

  /**
   * Translates one failure.
   *
   * @param e what reading threw
   * @param type the event type being bound, or null when it is not known or not modelled (an
   *     unmodelled type is text from the sender, and never goes into a message)
   * @return the error to throw
   */
  static WebhookException translate(Exception e, @Nullable String type) {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof WebhookParseException
          && ((WebhookParseException) cause).eventType() == null
          && type != null) {
        WebhookParseException inner = (WebhookParseException) cause;
        return new WebhookParseException(
            inner.getMessage() + " in '" + type + "' event", inner.fieldPath(), type);
      }
      if (cause instanceof WebhookException) {
        return (WebhookException) cause;
      }
    }
    String in = type == null ? "" : " in '" + type + "' event";
    if (e instanceof StreamConstraintsException) {
      return new WebhookParseException(
          "JSON exceeds a limit (" + limitName(e.getMessage()) + ")" + in, null, type);
    }
    if (e instanceof JsonMappingException) {
      if (e.getCause() instanceof StreamConstraintsException) {
        return translate((Exception) e.getCause(), type);
      }
      if (e.getCause() instanceof JsonParseException) {
        return translate((Exception) e.getCause(), type); // a syntax error met while binding
      }
      if (isEndOfInput((JsonMappingException) e)) {
        return new WebhookParseException("Malformed JSON: the body ends early" + in, null, type);
      }
      if (isTrailingContent((JsonMappingException) e)) {
        return new WebhookParseException("Trailing content after the JSON object" + in, null, type);
      }
      String path = path((JsonMappingException) e);
      return new WebhookParseException(
          "Cannot read field '" + path + "'" + in, path.isEmpty() ? null : path, type);
    }
    if (e instanceof JsonProcessingException) {
      JsonProcessingException syntax = (JsonProcessingException) e;
      var location = syntax.getLocation();
      String where =
          location == null
              ? ""
              : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
      String message = syntax.getOriginalMessage();
      String what =
          message != null && message.startsWith("Duplicate field")
              ? "Duplicate key in a JSON object"
              : "Malformed JSON";
      return new WebhookParseException(what + where + in, null, type);
    }
    return new WebhookParseException(
        "Cannot read the body (" + e.getClass().getSimpleName() + ")" + in, null, type);
  }

  private static boolean isTrailingContent(JsonMappingException e) {
    String message = e.getOriginalMessage();
    return e instanceof MismatchedInputException
        && message != null
        && message.startsWith("Trailing token");
  }

  /** Databind reports a body cut short inside a record as a mismatch, not as a parse error. */
  private static boolean isEndOfInput(JsonMappingException e) {
    String message = e.getOriginalMessage();
    return e instanceof MismatchedInputException
        && message != null
        && message.startsWith("Unexpected end-of-input");
  }

  /** Names the limit from Jackson's message, whose wording varies between 2.15 and later. */
  private static String limitName(@Nullable String message) {
    if (message == null) {
      return "unknown limit";
    }
    if (message.contains("nesting depth")) {
      return "nesting depth";
    }
    if (message.contains("length") && message.startsWith("Number")) {
      return "number length";
    }
    if (message.contains("length")
        && (message.startsWith("String") || message.startsWith("Name"))) {
      return "string length";
    }
    return "stream constraint";
  }

  /** Builds {@code data.transcripts[3].role} from Jackson's reference chain. */
  static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }
}
