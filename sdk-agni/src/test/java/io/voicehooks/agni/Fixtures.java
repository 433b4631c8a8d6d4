package io.voicehooks.agni;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the payload files under {@code src/test/resources/fixtures/agni/}. */
final class Fixtures {
  /** The organisation of every fixture except {@code call.completed.wrong-org.json}. */
  static final String ORG_ID = "1268c1f0-19f3-47db-aefb-c16a7c3ace6e";

  private Fixtures() {}

  static byte[] bytes(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/agni/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("No fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
