package io.voicehooks.core;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What to answer the sender: an HTTP status, a content type and a short JSON body. Framework
 * adapters copy the three into their own response type. The body never echoes the payload; for a
 * rejected delivery it carries the same field-naming message as the exception.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class WebhookResponse {
  /** The content type of every body: {@code application/json}. */
  public static final String CONTENT_TYPE = "application/json";

  /** What happened to the delivery; each outcome has one status. */
  public enum Outcome {
    /** The listener processed the event (200). */
    PROCESSED(200),
    /** The event was queued for a background worker (200). */
    ACCEPTED(200),
    /** The event was already processed (200). */
    DUPLICATE(200),
    /** The same event is being processed by another delivery; the sender should retry (409). */
    IN_PROGRESS(409),
    /** The body is not valid JSON, not an object, or lacks an identity field (400). */
    INVALID(400),
    /** The delivery failed verification (401). */
    UNAUTHORIZED(401),
    /** The body is over the size limit (413). */
    TOO_LARGE(413),
    /** The listener threw; the key was released so the retry is processed (500). */
    LISTENER_FAILED(500),
    /** The background queue is full, the handler is closed, or the store is down (503). */
    UNAVAILABLE(503);

    private final int status;

    Outcome(int status) {
      this.status = status;
    }

    /** {@return the HTTP status for this outcome} */
    public int status() {
      return status;
    }
  }

  private final Outcome outcome;
  private final String body;

  private WebhookResponse(Outcome outcome, String body) {
    this.outcome = outcome;
    this.body = body;
  }

  static WebhookResponse ok(Outcome outcome, String status) {
    return new WebhookResponse(outcome, "{\"status\":\"" + status + "\"}");
  }

  static WebhookResponse error(Outcome outcome, String message) {
    return new WebhookResponse(outcome, "{\"error\":\"" + escape(message) + "\"}");
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** {@return what happened to the delivery} */
  public Outcome outcome() {
    return outcome;
  }

  /** {@return the HTTP status code} */
  public int status() {
    return outcome.status;
  }

  /** {@return the content type, always {@value #CONTENT_TYPE}} */
  public String contentType() {
    return CONTENT_TYPE;
  }

  /** {@return the short JSON body} */
  public String body() {
    return body;
  }

  /** {@return the body encoded as UTF-8} */
  public byte[] bodyBytes() {
    return body.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(@org.jspecify.annotations.Nullable Object o) {
    return o instanceof WebhookResponse
        && outcome == ((WebhookResponse) o).outcome
        && body.equals(((WebhookResponse) o).body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(outcome, body);
  }

  @Override
  public String toString() {
    return status() + " " + body;
  }
}
