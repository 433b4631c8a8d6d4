package io.voicehooks.core;

import io.voicehooks.core.WebhookVerificationException.Reason;
import io.voicehooks.core.internal.Digests;
import io.voicehooks.core.internal.Settings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Checks a shared secret that the sender presents in a header: for providers that sign nothing
 * (Vaani, cllr), whose endpoint configuration you can give a header or credentials (or put behind a
 * proxy that adds them).
 *
 * <pre>{@code
 * SignatureVerifier check = SharedSecretVerifier.bearer(System.getenv("VAANI_SHARED_SECRET"));
 * SignatureVerifier custom = SharedSecretVerifier.header("X-Webhook-Secret", secret);
 * SignatureVerifier basic = SharedSecretVerifier.basic("vaani", password);
 * }</pre>
 *
 * <p>Several secrets may be accepted at once, for rotation. Comparison is in constant time over
 * SHA-256 digests, so neither content nor length leaks through timing. Instances are immutable and
 * thread-safe; failures name the header, never its value.
 */
public final class SharedSecretVerifier implements SignatureVerifier {
  private static final int MAX_HEADER_LENGTH = 4096;

  private final String headerName;
  private final String prefix;
  private final List<byte[]> expectedDigests;

  private SharedSecretVerifier(String headerName, String prefix, List<String> expectedValues) {
    this.headerName = headerName;
    this.prefix = prefix;
    List<byte[]> digests = new ArrayList<>(expectedValues.size());
    for (String value : expectedValues) {
      digests.add(Digests.sha256(value));
    }
    this.expectedDigests = List.copyOf(digests);
  }

  /**
   * Accepts deliveries whose header equals one of the secrets exactly.
   *
   * @param headerName the header, such as {@code X-Webhook-Secret}
   * @param secrets the accepted values; at least one, none empty
   * @return the verifier
   */
  public static SharedSecretVerifier header(String headerName, String... secrets) {
    Settings.requireText(
        headerName,
        "Shared-secret header name",
        "the header your proxy or the sender's webhook settings add, such as X-Webhook-Secret");
    return new SharedSecretVerifier(
        headerName, "", checked(secrets, "Shared secret for header " + headerName));
  }

  /**
   * Accepts deliveries with {@code Authorization: Bearer <token>} for one of the tokens.
   *
   * @param tokens the accepted tokens; at least one, none empty
   * @return the verifier
   */
  public static SharedSecretVerifier bearer(String... tokens) {
    return new SharedSecretVerifier("Authorization", "bearer ", checked(tokens, "Bearer token"));
  }

  /**
   * Accepts deliveries with HTTP Basic credentials {@code Authorization: Basic
   * base64(user:password)}.
   *
   * @param user the user name
   * @param password the password, not empty
   * @return the verifier
   */
  public static SharedSecretVerifier basic(String user, String password) {
    Objects.requireNonNull(
        user, "Basic user is not set (null): pass the user name set on the sender");
    Settings.requireText(
        password, "Basic password", "the password set on the sender's webhook (or your proxy)");
    String credentials =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return new SharedSecretVerifier("Authorization", "basic ", List.of(credentials));
  }

  private static List<String> checked(String[] values, String what) {
    String source =
        "the value set on the sender's webhook (or your proxy), for example from an"
            + " environment variable";
    Objects.requireNonNull(values, what + "s are not set (null): pass " + source);
    if (values.length == 0) {
      throw new IllegalArgumentException("At least one " + what + " is required: pass " + source);
    }
    for (String value : values) {
      Settings.requireText(value, what, source);
    }
    return List.of(values);
  }

  @Override
  public void verify(WebhookRequest request) {
    Objects.requireNonNull(request, "request == null");
    List<String> values = request.headers().all(headerName);
    if (values.isEmpty()) {
      throw new WebhookVerificationException(
          Reason.BAD_CREDENTIALS, "Missing credentials: no " + headerName + " header");
    }
    for (String value : values) {
      String presented = stripPrefix(value);
      if (presented != null && matches(Digests.sha256(presented))) {
        return;
      }
    }
    throw new WebhookVerificationException(
        Reason.BAD_CREDENTIALS, "Wrong credentials in the " + headerName + " header");
  }

  private @Nullable String stripPrefix(String value) {
    if (value.length() > MAX_HEADER_LENGTH) {
      return null;
    }
    if (prefix.isEmpty()) {
      return value;
    }
    String trimmed = value.trim();
    if (trimmed.length() < prefix.length()
        || !trimmed.substring(0, prefix.length()).toLowerCase(Locale.ROOT).equals(prefix)) {
      return null;
    }
    return trimmed.substring(prefix.length()).trim();
  }

  private boolean matches(byte[] digest) {
    boolean match = false;
    for (byte[] expected : expectedDigests) {
      match |= MessageDigest.isEqual(expected, digest);
    }
    return match;
  }

  @Override
  public String toString() {
    return "SharedSecretVerifier{header="
        + headerName
        + ", secrets="
        + expectedDigests.size()
        + "}";
  }
}
