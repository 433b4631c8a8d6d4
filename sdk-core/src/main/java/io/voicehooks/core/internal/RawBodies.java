package io.voicehooks.core.internal;

import io.voicehooks.core.WebhookRequest;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Lends this package a request's body array without the copy that {@link WebhookRequest#body()}
 * makes, as the JDK's "shared secrets" do: {@code WebhookRequest} installs the reader when its
 * class is initialised, which is before any request exists. Readers never modify the array.
 */
public final class RawBodies {
  private static volatile @Nullable Function<WebhookRequest, byte[]> reader;

  private RawBodies() {}

  /**
   * Installs the reader; only {@code WebhookRequest} calls this, once.
   *
   * @param bodies returns a request's body array itself
   * @throws IllegalStateException if a reader was installed already
   */
  public static synchronized void install(Function<WebhookRequest, byte[]> bodies) {
    Objects.requireNonNull(bodies, "bodies == null");
    if (reader != null) {
      throw new IllegalStateException("the body reader is installed already");
    }
    reader = bodies;
  }

  static byte[] of(WebhookRequest request) {
    return Objects.requireNonNull(reader, "WebhookRequest not initialised").apply(request);
  }
}
