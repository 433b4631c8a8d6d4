package io.voicehooks.reliability;

import io.voicehooks.core.SvixSignatureVerifier;
import io.voicehooks.core.WebhookHeaders;
import io.voicehooks.core.WebhookRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Objects;

/**
 * Constants, resources and body builders shared by every test in this module; the provider payloads
 * are {@link io.voicehooks.fixtures.Fixtures}.
 */
final class Payloads {
  /** The Agntix (Svix) signing secret of these tests; a test value, not a real one. */
  static final String AGNTIX_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

  /** The instant the Svix fuzz seeds were signed at, so a fixed clock keeps them valid. */
  static final Instant SIGNED_AT = Instant.parse("2026-04-08T05:00:12Z");

  /** A clock frozen at {@link #SIGNED_AT}. */
  static final Clock FIXED_CLOCK = Clock.fixed(SIGNED_AT, ZoneOffset.UTC);

  private Payloads() {}

  static byte[] resource(String path) {
    try (InputStream in = Payloads.class.getResourceAsStream(path)) {
      return Objects.requireNonNull(in, path).readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Returns {@code count} copies of {@code unit}, as bytes, without a huge intermediate String. */
  static byte[] repeat(String prefix, char unit, int count, String suffix) {
    byte[] head = utf8(prefix);
    byte[] tail = utf8(suffix);
    byte[] out = new byte[head.length + count + tail.length];
    System.arraycopy(head, 0, out, 0, head.length);
    Arrays.fill(out, head.length, head.length + count, (byte) unit);
    System.arraycopy(tail, 0, out, head.length + count, tail.length);
    return out;
  }

  /** Prefixes the bytes with a UTF-8 byte order mark. */
  static byte[] withBom(byte[] body) {
    byte[] out = new byte[body.length + 3];
    out[0] = (byte) 0xEF;
    out[1] = (byte) 0xBB;
    out[2] = (byte) 0xBF;
    System.arraycopy(body, 0, out, 3, body.length);
    return out;
  }

  /** {@return JSON nesting {@code depth} arrays deep} */
  static String nestedArrays(int depth) {
    return "[".repeat(depth) + "]".repeat(depth);
  }

  /** {@return a JSON array of {@code count} zeros} */
  static String zeros(int count) {
    StringBuilder out = new StringBuilder(count * 2 + 2).append('[');
    for (int i = 0; i < count; i++) {
      out.append(i == 0 ? "0" : ",0");
    }
    return out.append(']').toString();
  }

  /** Svix headers signing {@code body} at {@code timestampSeconds} with the test secret. */
  static WebhookHeaders svixHeaders(String msgId, long timestampSeconds, byte[] body) {
    return WebhookHeaders.of(
        "svix-id",
        msgId,
        "svix-timestamp",
        Long.toString(timestampSeconds),
        "svix-signature",
        SvixSignatureVerifier.sign(AGNTIX_SECRET, msgId, timestampSeconds, body));
  }

  /** A request signed now with the test secret. */
  static WebhookRequest signedNow(String msgId, byte[] body) {
    return WebhookRequest.of(svixHeaders(msgId, Instant.now().getEpochSecond(), body), body);
  }
}
