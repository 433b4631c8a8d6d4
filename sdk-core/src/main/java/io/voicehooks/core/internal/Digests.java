package io.voicehooks.core.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.jspecify.annotations.Nullable;

/**
 * Hashes: idempotency keys of events that carry no id of their own, and the fixed-length digests
 * shared secrets are compared through.
 */
public final class Digests {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  /** How many hex characters of the SHA-256 {@link #fieldsDigest} keeps: 128 bits. */
  static final int FIELDS_DIGEST_LENGTH = 32;

  private Digests() {}

  /**
   * Returns the SHA-256 of a text's UTF-8 bytes, as lower-case hex: the idempotency key of an
   * unknown event is its type plus this digest of its raw JSON, since a retried delivery repeats
   * the same bytes.
   *
   * @param text the text
   * @return 64 hex characters
   */
  public static String sha256Hex(String text) {
    byte[] digest = sha256(text);
    char[] out = new char[digest.length * 2];
    for (int i = 0; i < digest.length; i++) {
      out[2 * i] = HEX[(digest[i] >> 4) & 0xF];
      out[2 * i + 1] = HEX[digest[i] & 0xF];
    }
    return new String(out);
  }

  /**
   * Returns a digest of named values in a canonical form: an idempotency key of an event that may
   * legitimately repeat with other content carries it, so a re-delivery of the same content
   * (however its JSON was laid out) gets the same key and different content another one.
   *
   * <p>The form writes each pair, in the order given, as the name, {@code =}, then {@code -} for a
   * null value or the value's length in characters, {@code :} and the value, then {@code ;}. Length
   * prefixes make it unambiguous: no two different lists of pairs share one form.
   *
   * @param namesAndValues names and values, alternating: each name non-null, each value null when
   *     the event carries none
   * @return the first 32 hex characters (128 bits) of the SHA-256 of that form
   * @throws IllegalArgumentException if the array's length is odd, or a name is null
   */
  public static String fieldsDigest(@Nullable String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("names and values must come in pairs");
    }
    StringBuilder form = new StringBuilder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      String name = namesAndValues[i];
      if (name == null) {
        throw new IllegalArgumentException("name == null");
      }
      String value = namesAndValues[i + 1];
      form.append(name).append('=');
      if (value == null) {
        form.append('-');
      } else {
        form.append(value.length()).append(':').append(value);
      }
      form.append(';');
    }
    return sha256Hex(form.toString()).substring(0, FIELDS_DIGEST_LENGTH);
  }

  /**
   * Returns the SHA-256 of a text's UTF-8 bytes.
   *
   * @param text the text
   * @return the 32-byte digest
   */
  public static byte[] sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Returns the SHA-256 of some bytes.
   *
   * @param bytes the bytes
   * @return the 32-byte digest
   */
  public static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is unavailable in this JVM", e);
    }
  }
}
