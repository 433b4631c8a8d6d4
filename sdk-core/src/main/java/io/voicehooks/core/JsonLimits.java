package io.voicehooks.core;

/**
 * Limits enforced on a delivery's body before and while it is parsed, so that a hostile body cannot
 * exhaust memory or the stack. Set on a provider parser's builder; {@link #maxBodyBytes()} is the
 * one body-size setting, which a {@link WebhookHandler} also reads the request stream by ({@link
 * WebhookParser#maxBodyBytes()}).
 *
 * <pre>{@code
 * JsonLimits limits = JsonLimits.defaults().withMaxBodyBytes(1 << 20);
 * }</pre>
 *
 * @param maxBodyBytes the largest body accepted, in bytes, at most 2^31 - 9 (the largest array);
 *     default 4 MiB
 * @param maxDepth the deepest nesting of objects and arrays; default 64
 * @param maxStringLength the longest string value or field name, in characters; default 1 Mi
 * @param maxNumberLength the longest number literal, in characters; default 64
 */
public record JsonLimits(int maxBodyBytes, int maxDepth, int maxStringLength, int maxNumberLength) {
  private static final JsonLimits DEFAULTS = new JsonLimits(4 << 20, 64, 1 << 20, 64);

  /**
   * Creates limits, each of which must be at least 1; the body size at most 2^31 - 9.
   *
   * @param maxBodyBytes the largest body accepted, in bytes
   * @param maxDepth the deepest nesting of objects and arrays
   * @param maxStringLength the longest string value or field name, in characters
   * @param maxNumberLength the longest number literal, in characters
   */
  public JsonLimits {
    if (maxBodyBytes < 1 || maxBodyBytes > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("maxBodyBytes must be between 1 and 2^31 - 9");
    }
    if (maxDepth < 1 || maxStringLength < 1 || maxNumberLength < 1) {
      throw new IllegalArgumentException("every JSON limit must be at least 1");
    }
  }

  /** {@return the defaults: 4 MiB body, depth 64, strings of 1 Mi characters, numbers of 64} */
  public static JsonLimits defaults() {
    return DEFAULTS;
  }

  /**
   * Returns these limits with another body size limit.
   *
   * @param maxBodyBytes the largest body accepted, in bytes
   * @return the new limits
   */
  public JsonLimits withMaxBodyBytes(int maxBodyBytes) {
    return new JsonLimits(maxBodyBytes, maxDepth, maxStringLength, maxNumberLength);
  }

  /**
   * Returns these limits with another nesting depth limit.
   *
   * @param maxDepth the deepest nesting of objects and arrays
   * @return the new limits
   */
  public JsonLimits withMaxDepth(int maxDepth) {
    return new JsonLimits(maxBodyBytes, maxDepth, maxStringLength, maxNumberLength);
  }

  /**
   * Returns these limits with another string length limit.
   *
   * @param maxStringLength the longest string value or field name, in characters
   * @return the new limits
   */
  public JsonLimits withMaxStringLength(int maxStringLength) {
    return new JsonLimits(maxBodyBytes, maxDepth, maxStringLength, maxNumberLength);
  }

  /**
   * Returns these limits with another number length limit.
   *
   * @param maxNumberLength the longest number literal, in characters
   * @return the new limits
   */
  public JsonLimits withMaxNumberLength(int maxNumberLength) {
    return new JsonLimits(maxBodyBytes, maxDepth, maxStringLength, maxNumberLength);
  }
}
