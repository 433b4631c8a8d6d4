package io.voicehooks.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.voicehooks.core.WebhookEvent;
import io.voicehooks.core.WebhookException;
import io.voicehooks.core.WebhookHeaders;
import io.voicehooks.core.WebhookParser;
import io.voicehooks.core.WebhookRequest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One hostile delivery for a parser and the exact outcome expected of it: a typed event (with
 * checks on the fields that matter), the provider's unknown event, or a specific exception with a
 * message fragment. Bodies are built lazily, so a catalogue of 50 MB cases costs memory only while
 * its case runs.
 *
 * @param name what the case is, shown as the test's name
 * @param body the raw body
 * @param headers the headers
 * @param expected the exact outcome
 */
record HostileCase(
    String name, Supplier<byte[]> body, WebhookHeaders headers, Expectation expected) {

  /** Generous: a hang guard, not a performance test. */
  static final Duration BOUND = Duration.ofSeconds(5);

  static HostileCase of(String name, String body, Expectation expected) {
    byte[] bytes = Payloads.utf8(body);
    return new HostileCase(name, () -> bytes, WebhookHeaders.empty(), expected);
  }

  static HostileCase of(String name, Supplier<byte[]> body, Expectation expected) {
    return new HostileCase(name, body, WebhookHeaders.empty(), expected);
  }

  @Override
  public String toString() {
    return name + " -> " + expected;
  }

  /** Parses the body within {@link #BOUND} and checks the outcome. */
  void assertOutcome(WebhookParser<?> parser) {
    WebhookRequest request = WebhookRequest.of(headers, body.get());
    AtomicReference<@Nullable Object> event = new AtomicReference<>();
    AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
    assertTimeoutPreemptively(
        BOUND,
        () -> {
          try {
            event.set(parser.parse(request));
          } catch (Throwable t) {
            failure.set(t);
          }
        },
        name + " took longer than " + BOUND);
    expected.check(event.get(), failure.get());
  }

  /** The outcome a case expects. */
  interface Expectation {
    void check(@Nullable Object event, @Nullable Throwable failure);
  }

  /** Expects an event of exactly {@code type}, then runs {@code checks} on it. */
  static <T> Expectation event(Class<T> type, Consumer<T> checks) {
    return new Expectation() {
      @Override
      public void check(@Nullable Object event, @Nullable Throwable failure) {
        assertThat(failure).as("unexpected failure:%n%s", stackTrace(failure)).isNull();
        assertThat(event).isExactlyInstanceOf(type);
        checks.accept(type.cast(event));
        Invariants.checkIdentity((WebhookEvent) event);
      }

      @Override
      public String toString() {
        return type.getSimpleName();
      }
    };
  }

  /** Expects the provider's unknown event, carrying {@code eventType}. */
  static Expectation unknown(Class<? extends WebhookEvent> type, String eventType) {
    return event(type, e -> assertThat(e.eventType()).isEqualTo(eventType));
  }

  /** Expects {@code type} with a message containing {@code fragment}. */
  static Expectation rejected(Class<? extends WebhookException> type, String fragment) {
    return new Expectation() {
      @Override
      public void check(@Nullable Object event, @Nullable Throwable failure) {
        assertThat(event).as("parsed where a rejection was expected").isNull();
        assertThat(failure)
            .as("failure:%n%s", stackTrace(failure))
            .isExactlyInstanceOf(type)
            .hasMessageContaining(fragment);
      }

      @Override
      public String toString() {
        return type.getSimpleName() + "(\"" + fragment + "\")";
      }
    };
  }

  static String stackTrace(@Nullable Throwable failure) {
    if (failure == null) {
      return "none";
    }
    StringWriter out = new StringWriter();
    failure.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
