package io.voicehooks.core;

import io.voicehooks.core.WebhookVerificationException.Reason;
import io.voicehooks.core.internal.Digests;
import io.voicehooks.core.internal.Settings;
import io.voicehooks.core.internal.ToString;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Checks a shared secret that the sender presents: in the URL, for senders whose configuration
 * takes only an endpoint URL (Vaani, cllr), or in a header, where the sender or a proxy in front
 * can add one.
 *
 * <pre>{@code
 * // POST https://example.com/hooks/vaani?token=<secret>: the URL you give Vaani or cllr
 * SignatureVerifier inQuery = SharedSecretVerifier.queryParameter("token", secret);
 * // POST https://example.com/hooks/cllr/<secret>
 * SignatureVerifier inPath = SharedSecretVerifier.lastPathSegment(secret);
 * // Headers, for senders or proxies that can add one
 * SignatureVerifier bearer = SharedSecretVerifier.bearer(System.getenv("WEBHOOK_TOKEN"));
 * SignatureVerifier custom = SharedSecretVerifier.header("X-Webhook-Secret", secret);
 * SignatureVerifier basic = SharedSecretVerifier.basic("vaani", password);
 * }</pre>
 *
 * <p>Use an unguessable secret: 32 random bytes, base64url-encoded, need no escaping in a URL
 * ({@code head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '='}). Several secrets may be
 * accepted at once, for rotation: accept the old and the new, change the URL (or header) on the
 * sender, then drop the old. Comparison is in constant time over SHA-256 digests, so neither
 * content nor length leaks through timing.
 *
 * <p>The URL checks read {@link WebhookRequest#target()}, the raw request-target the adapter
 * passes; a request without one is refused ({@link
 * WebhookVerificationException.Reason#MISSING_TARGET}), never let through. They decode
 * percent-encoding strictly ({@code %41} is {@code A}; a {@code %} without two hex digits is
 * refused; {@code +} stands for itself, not for a space) and refuse a parameter given more than
 * once rather than pick one.
 *
 * <p>Instances are immutable and thread-safe; failures name the header, query parameter or path
 * segment, never its value.
 */
public final class SharedSecretVerifier implements SignatureVerifier {
  private static final int MAX_HEADER_LENGTH = 4096;

  /** Where the secret is looked for. */
  private enum Location {
    HEADER,
    QUERY_PARAMETER,
    LAST_PATH_SEGMENT
  }

  private final Location location;
  private final String name;
  private final String prefix;
  private final List<byte[]> expectedDigests;

  private SharedSecretVerifier(
      Location location, String name, String prefix, List<String> expectedValues) {
    this.location = location;
    this.name = name;
    this.prefix = prefix;
    List<byte[]> digests = new ArrayList<>(expectedValues.size());
    for (String value : expectedValues) {
      digests.add(Digests.sha256(value));
    }
    this.expectedDigests = List.copyOf(digests);
  }

  /**
   * Accepts deliveries whose URL carries one of the secrets in a query parameter, as in {@code
   * https://example.com/hooks/vaani?token=<secret>}: the way to authenticate a sender that takes
   * only an endpoint URL. The parameter must appear exactly once; its name and value are
   * percent-decoded before comparison, and other parameters are ignored.
   *
   * @param parameterName the parameter, such as {@code token}
   * @param secrets the accepted values, as they read once decoded; at least one, none empty
   * @return the verifier
   */
  public static SharedSecretVerifier queryParameter(String parameterName, String... secrets) {
    Settings.requireText(
        parameterName,
        "Secret query parameter name",
        "the parameter name in the URL you give the sender, such as token");
    return new SharedSecretVerifier(
        Location.QUERY_PARAMETER,
        parameterName,
        "",
        checked(secrets, "URL secret for query parameter " + parameterName));
  }

  /**
   * Accepts deliveries whose URL path ends with one of the secrets, as in {@code
   * https://example.com/hooks/cllr/<secret>}: the last segment of the path, after its last {@code
   * /}, percent-decoded. A path ending with {@code /} has an empty last segment and is refused.
   * Route the prefix ({@code /hooks/cllr/*}) to the handler; the query, if any, is ignored.
   *
   * @param secrets the accepted values, as they read once decoded; at least one, none empty
   * @return the verifier
   */
  public static SharedSecretVerifier lastPathSegment(String... secrets) {
    return new SharedSecretVerifier(
        Location.LAST_PATH_SEGMENT,
        "",
        "",
        checked(secrets, "URL secret for the last path segment"));
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
        Location.HEADER,
        headerName,
        "",
        checked(secrets, "Shared secret for header " + headerName));
  }

  /**
   * Accepts deliveries with {@code Authorization: Bearer <token>} for one of the tokens.
   *
   * @param tokens the accepted tokens; at least one, none empty
   * @return the verifier
   */
  public static SharedSecretVerifier bearer(String... tokens) {
    return new SharedSecretVerifier(
        Location.HEADER, "Authorization", "bearer ", checked(tokens, "Bearer token"));
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
    return new SharedSecretVerifier(
        Location.HEADER, "Authorization", "basic ", List.of(credentials));
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
    switch (location) {
      case QUERY_PARAMETER:
        verifyInUrl(
            RequestTarget.parse(request.target(), "the " + name + " query parameter")
                .queryParameter(name),
            "the " + name + " query parameter");
        return;
      case LAST_PATH_SEGMENT:
        verifyInUrl(
            RequestTarget.parse(request.target(), "the last path segment").lastPathSegment(),
            "the last path segment");
        return;
      default:
        verifyHeader(request);
    }
  }

  private void verifyInUrl(byte[] presented, String where) {
    if (!matches(Digests.sha256(presented))) {
      throw new WebhookVerificationException(
          Reason.BAD_CREDENTIALS, "Wrong credentials in " + where);
    }
  }

  private void verifyHeader(WebhookRequest request) {
    String headerName = name;
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

  /** {@return where the secret is read from, and how many are accepted; never a secret} */
  @Override
  public String toString() {
    ToString out = ToString.of(this);
    switch (location) {
      case QUERY_PARAMETER:
        out.add("queryParameter", name);
        break;
      case LAST_PATH_SEGMENT:
        out.add("lastPathSegment", true);
        break;
      default:
        out.add("header", name);
    }
    return out.add("secrets", expectedDigests.size()).toString();
  }
}
