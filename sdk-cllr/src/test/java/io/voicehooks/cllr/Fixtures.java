package io.voicehooks.cllr;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the payload files under {@code src/test/resources/fixtures/cllr/}. */
final class Fixtures {
  private Fixtures() {}

  static byte[] bytes(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/cllr/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static PostCallEvent postCall(String name) {
    return (PostCallEvent) CllrWebhookParser.create().parse(bytes(name));
  }
}
