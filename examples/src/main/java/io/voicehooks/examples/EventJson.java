package io.voicehooks.examples;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.voicehooks.core.FinishedCallEvent;
import io.voicehooks.core.WebhookEvent;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a processed event as one line of JSON, as {@code serve} prints it on stdout:
 *
 * <pre>{@code
 * {"provider":"vaani","eventType":"call_ended","idempotencyKey":"vaani:call_ended:room_123abc",
 *  "event":{"room_name":"room_123abc","call_duration":"PT42.5S","end_reason":"..."},"summary":null}
 * }</pre>
 *
 * <p>{@code event} is the typed record serialised with Jackson, under the provider's wire names:
 * timestamps are ISO-8601 instants ({@code "2025-01-20T10:00:00Z"}), durations ISO-8601 durations
 * ({@code "PT2M5S"}, {@code "PT42.5S"}), open enums the value as sent. {@code summary} is the
 * provider-neutral {@code CallSummary} of a finished call, or null for other events.
 */
public final class EventJson {
  private static final Logger LOG = LoggerFactory.getLogger(EventJson.class);

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          // Records are written by their components; helpers such as isEmpty() are not fields.
          .visibility(PropertyAccessor.IS_GETTER, Visibility.NONE)
          .build();

  private EventJson() {}

  /**
   * Returns the JSON line for one event, without a line terminator.
   *
   * @param provider the provider's name, such as {@code agni}
   * @param event the typed event
   * @return one line of JSON
   */
  public static String line(String provider, WebhookEvent event) {
    Objects.requireNonNull(provider, "provider == null");
    Objects.requireNonNull(event, "event == null");
    Map<String, @Nullable Object> line = new LinkedHashMap<>();
    line.put("provider", provider);
    line.put("eventType", event.eventType());
    line.put("idempotencyKey", event.idempotencyKey());
    line.put("event", event);
    line.put("summary", event instanceof FinishedCallEvent f ? f.callSummary() : null);
    try {
      return MAPPER.writeValueAsString(line);
    } catch (JsonProcessingException e) {
      // Never fail (and so never make the provider retry) because a record could not be printed.
      LOG.error("Could not write a '{}' event as JSON ({})", event.eventType(), e.getClass());
      line.put("event", null);
      line.put("summary", null);
      try {
        return MAPPER.writeValueAsString(line);
      } catch (JsonProcessingException impossible) {
        throw new IllegalStateException(impossible);
      }
    }
  }

  /**
   * Returns a listener callback that prints each event's line to a stream, one whole line at a time
   * even when called from several threads.
   *
   * @param out where to print, such as {@code System.out}
   * @return the callback
   */
  public static BiConsumer<String, WebhookEvent> printingTo(PrintStream out) {
    Objects.requireNonNull(out, "out == null");
    return (provider, event) -> {
      String line = line(provider, event);
      synchronized (out) {
        out.println(line);
        out.flush();
      }
    };
  }
}
