package io.voicehooks.core;

import io.voicehooks.core.WebhookVerificationException.Reason;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Reads the raw request-target of an HTTP request line (RFC 9112, section 3.2): the path and query
 * a URL-secret check looks at. Strict, because a lenient reader is a second opinion an attacker can
 * play against the server's own: anything but a path ({@code /hooks/vaani?token=...}) or an
 * absolute URI ({@code https://host/hooks/vaani?token=...}) made of visible ASCII, a {@code %} not
 * followed by two hex digits, and a parameter given more than once are refused. {@code +} stands
 * for itself, as RFC 3986 says, not for a space. Failures name the part, never its content.
 */
final class RequestTarget {
  /** Longer targets are refused unread; servers cap the whole request line near 8 KiB anyway. */
  static final int MAX_LENGTH = 8192;

  private final String path;
  private final @Nullable String query;

  private RequestTarget(String path, @Nullable String query) {
    this.path = path;
    this.query = query;
  }

  /**
   * Splits a raw request-target into path and query.
   *
   * @param target the target as received
   * @param what what the caller checks, for messages: {@code "the token query parameter"}
   * @return the target's parts, still percent-encoded
   * @throws WebhookVerificationException if the target is unknown (null) or malformed
   */
  static RequestTarget parse(@Nullable String target, String what) {
    if (target == null) {
      throw new WebhookVerificationException(
          Reason.MISSING_TARGET,
          "Missing request target: the adapter passed no path and query, so "
              + what
              + " cannot be checked; pass the target (WebhookRequest.of(target, headers, body) or"
              + " handle(target, headers, body))");
    }
    if (target.length() > MAX_LENGTH) {
      throw malformed("is longer than " + MAX_LENGTH + " characters");
    }
    for (int i = 0; i < target.length(); i++) {
      char c = target.charAt(i);
      if (c <= 0x20 || c >= 0x7f || c == '#') {
        throw malformed("holds a character that is not allowed in a request target");
      }
    }
    String rest = target;
    if (!rest.startsWith("/")) {
      int scheme = rest.indexOf("://");
      if (scheme <= 0 || !isScheme(rest.substring(0, scheme))) {
        throw malformed("is neither a path nor an absolute URI");
      }
      int end = scheme + 3;
      while (end < rest.length() && rest.charAt(end) != '/' && rest.charAt(end) != '?') {
        end++;
      }
      rest = rest.substring(end);
    }
    int question = rest.indexOf('?');
    return question < 0
        ? new RequestTarget(rest, null)
        : new RequestTarget(rest.substring(0, question), rest.substring(question + 1));
  }

  private static boolean isScheme(String scheme) {
    if (!Character.isLetter(scheme.charAt(0))) {
      return false;
    }
    for (int i = 1; i < scheme.length(); i++) {
      char c = scheme.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.')) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns the decoded value of the one query parameter with this (decoded) name.
   *
   * @param name the parameter's name
   * @return the value's bytes; empty for {@code name=} and a bare {@code name}
   * @throws WebhookVerificationException if the parameter is absent (BAD_CREDENTIALS), given more
   *     than once or badly encoded (MALFORMED_TARGET)
   */
  byte[] queryParameter(String name) {
    byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
    byte[] value = null;
    int count = 0;
    if (query != null) {
      for (String pair : query.split("&", -1)) {
        if (pair.isEmpty()) {
          continue;
        }
        int equals = pair.indexOf('=');
        // Every name is decoded: one that cannot be might be this parameter spelled oddly.
        byte[] decodedName = decode(equals < 0 ? pair : pair.substring(0, equals));
        if (decodedName == null) {
          throw malformed("has a query parameter name with bad percent-encoding");
        }
        if (!Arrays.equals(decodedName, wanted)) {
          continue;
        }
        count++;
        value = decode(equals < 0 ? "" : pair.substring(equals + 1));
        if (value == null) {
          throw malformed("has bad percent-encoding in the " + name + " query parameter");
        }
      }
    }
    if (count == 0) {
      throw new WebhookVerificationException(
          Reason.BAD_CREDENTIALS, "Missing credentials: no " + name + " query parameter");
    }
    if (count > 1) {
      throw malformed("has the " + name + " query parameter " + count + " times");
    }
    return value;
  }

  /**
   * Returns the decoded last segment of the path: what follows its last {@code /}.
   *
   * @return the segment's bytes, not empty
   * @throws WebhookVerificationException if the path ends with {@code /} or is empty
   *     (BAD_CREDENTIALS), or the segment is badly encoded (MALFORMED_TARGET)
   */
  byte[] lastPathSegment() {
    String segment = path.substring(path.lastIndexOf('/') + 1);
    if (segment.isEmpty()) {
      throw new WebhookVerificationException(
          Reason.BAD_CREDENTIALS,
          "Missing credentials: the request path has no last segment (it is empty or ends with"
              + " /)");
    }
    byte[] decoded = decode(segment);
    if (decoded == null) {
      throw malformed("has bad percent-encoding in the last path segment");
    }
    return decoded;
  }

  /**
   * Decodes percent-encoding strictly: every {@code %} must start {@code %XX} with two hex digits.
   * The target is visible ASCII, so the other characters are their own bytes.
   *
   * @return the bytes, or null if an escape is malformed
   */
  static byte @Nullable [] decode(String raw) {
    if (raw.indexOf('%') < 0) {
      return raw.getBytes(StandardCharsets.US_ASCII);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c != '%') {
        out.write(c);
        continue;
      }
      if (i + 2 >= raw.length()) {
        return null;
      }
      int high = Character.digit(raw.charAt(i + 1), 16);
      int low = Character.digit(raw.charAt(i + 2), 16);
      if (high < 0 || low < 0) {
        return null;
      }
      out.write(high << 4 | low);
      i += 2;
    }
    return out.toByteArray();
  }

  private static WebhookVerificationException malformed(String problem) {
    return new WebhookVerificationException(
        Reason.MALFORMED_TARGET, "Malformed request target: it " + problem);
  }
}
