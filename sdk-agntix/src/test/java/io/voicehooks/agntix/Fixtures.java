package io.voicehooks.agntix;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the payload fixtures under {@code fixtures/agntix/}. */
final class Fixtures {
  private Fixtures() {}

  static byte[] read(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/agntix/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("No fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
