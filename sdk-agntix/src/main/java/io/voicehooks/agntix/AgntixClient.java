package io.voicehooks.agntix;

import com.fasterxml.jackson.databind.ObjectReader;
import io.voicehooks.agntix.AgntixApiException.Reason;
import io.voicehooks.core.internal.HttpBodies;
import io.voicehooks.core.internal.Json;
import io.voicehooks.core.internal.Settings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client for the part of the Agntix REST API a webhook receiver needs: the full transcript of a
 * session, which the {@code session.ended} webhook does not carry.
 *
 * <pre>{@code
 * AgntixClient client = AgntixClient.builder()
 *     .apiKey(System.getenv("AGNTIX_API_KEY"))
 *     .build();
 * List<SessionMessage> transcript = client.sessionMessages(event.id());
 * }</pre>
 *
 * <p>Built on {@link java.net.http.HttpClient}, with no other dependency. Every call sends {@code
 * Accept: application/json} and either {@code x-api-key} or {@code Authorization: Bearer}. The
 * request timeout bounds the whole call, body included; a response body over the size limit
 * (default 16 MiB) is abandoned as soon as the limit is passed, and the body of an error answer is
 * not read; redirects are not followed, so the credentials never travel to another host. Failures
 * are {@link AgntixApiException}s, whose messages, like {@link #toString()} and the logs, never
 * contain the API key or token.
 *
 * <p>Agntix asks integrators to fetch transcripts on demand after the webhook (persist the event
 * first, then fetch asynchronously) rather than to poll. Instances are immutable and thread-safe.
 */
public final class AgntixClient {
  /** The base URI used when none is set: {@code https://api.agntix.ai}. */
  public static final URI DEFAULT_BASE_URI = URI.create("https://api.agntix.ai");

  /** The largest page size Agntix accepts: 100. */
  public static final int MAX_PAGE_SIZE = 100;

  /** The response size limit used when none is set: 16 MiB. */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 16L << 20;

  /** The page limit of {@link #sessionMessages(String)} used when none is set: 1,000 pages. */
  public static final int DEFAULT_MAX_PAGES = 1000;

  static final String MESSAGES_PATH = "/api/v1/chat/sessions/{id}/messages";

  private static final Logger LOG = LoggerFactory.getLogger(AgntixClient.class);
  private static final ObjectReader PAGE_READER = Json.mapper().readerFor(MessagePage.class);
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private final HttpClient http;
  private final String base;
  private final String authHeader;
  private final String authValue;
  private final Duration requestTimeout;
  private final long maxResponseBytes;
  private final int maxPages;
  private final HttpResponse.BodyHandler<byte @Nullable []> bodies;

  private AgntixClient(Builder builder, String authHeader, String authValue) {
    this.http =
        builder.httpClient != null
            ? builder.httpClient
            : HttpClient.newBuilder()
                .connectTimeout(builder.connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    String uri = builder.baseUri.toString();
    while (uri.endsWith("/")) {
      uri = uri.substring(0, uri.length() - 1);
    }
    this.base = uri;
    this.authHeader = authHeader;
    this.authValue = authValue;
    this.requestTimeout = builder.requestTimeout;
    this.maxResponseBytes = builder.maxResponseBytes;
    this.maxPages = builder.maxPages;
    this.bodies = HttpBodies.limitedIfSuccessful(maxResponseBytes);
  }

  /** {@return a builder; an API key or a bearer token is required} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Fetches every message of a session, walking the pages ({@value #MAX_PAGE_SIZE} messages each)
   * until the last one. A message that shows up on two pages (the listing moved while it was read)
   * is kept once.
   *
   * @param sessionId the session id, the {@code id} of the webhook events
   * @return the messages in order, unmodifiable; empty when the session has none
   * @throws IllegalArgumentException if the session id is empty or a dot segment
   * @throws AgntixApiException if a call fails, or the listing runs past the page limit (reason
   *     {@code INVALID_RESPONSE})
   */
  public List<SessionMessage> sessionMessages(String sessionId) {
    String segment = pathSegment(sessionId);
    List<SessionMessage> all = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int page = 1; page <= maxPages; page++) {
      MessagePage result = fetch(segment, page, MAX_PAGE_SIZE);
      for (SessionMessage message : result.data()) {
        if (message.id() == null || seen.add(message.id())) {
          all.add(message);
        }
      }
      if (isLastPage(result, page)) {
        return List.copyOf(all);
      }
    }
    throw new AgntixApiException(
        Reason.INVALID_RESPONSE,
        0,
        null,
        "Agntix API listed more than "
            + maxPages
            + " pages for GET "
            + MESSAGES_PATH
            + "; stopped (raise maxPages if a session can be that long)",
        null);
  }

  private static boolean isLastPage(MessagePage result, int page) {
    if (result.data().isEmpty()) {
      return true;
    }
    Integer totalPages = result.pagination().totalPages();
    if (totalPages != null) {
      return page >= totalPages;
    }
    Integer applied = result.pagination().limit();
    return result.data().size() < (applied != null && applied > 0 ? applied : MAX_PAGE_SIZE);
  }

  /**
   * Fetches one page of a session's messages: {@code GET
   * /api/v1/chat/sessions/{id}/messages?page=&limit=}.
   *
   * @param sessionId the session id, the {@code id} of the webhook events
   * @param page the page, from 1
   * @param limit the page size, 1 to {@value #MAX_PAGE_SIZE}
   * @return the page with the server's pagination block
   * @throws IllegalArgumentException if the session id is empty or a dot segment, or page or limit
   *     is out of range
   * @throws AgntixApiException if the call fails
   */
  public MessagePage sessionMessages(String sessionId, int page, int limit) {
    String segment = pathSegment(sessionId);
    if (page < 1) {
      throw new IllegalArgumentException("page must be at least 1");
    }
    if (limit < 1 || limit > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_PAGE_SIZE);
    }
    return fetch(segment, page, limit);
  }

  private MessagePage fetch(String segment, int page, int limit) {
    URI uri =
        URI.create(
            base
                + "/api/v1/chat/sessions/"
                + segment
                + "/messages?page="
                + page
                + "&limit="
                + limit);
    HttpResponse<byte @Nullable []> response = get(uri);
    byte[] body = response.body();
    if (body == null) {
      throw new AgntixApiException(
          Reason.TOO_LARGE,
          response.statusCode(),
          null,
          "Agntix API response to GET "
              + MESSAGES_PATH
              + " exceeds the limit of "
              + maxResponseBytes
              + " bytes",
          null);
    }
    MessagePage result;
    try {
      result = PAGE_READER.readValue(body);
    } catch (IOException e) {
      throw new AgntixApiException(
          Reason.INVALID_RESPONSE,
          response.statusCode(),
          null,
          "Agntix API answered GET " + MESSAGES_PATH + " with a body that is not the expected JSON",
          null);
    }
    if (result == null) {
      throw new AgntixApiException(
          Reason.INVALID_RESPONSE,
          response.statusCode(),
          null,
          "Agntix API answered GET " + MESSAGES_PATH + " with a JSON null",
          null);
    }
    return result;
  }

  /** Sends a GET; the body of a 2xx answer is null when over the limit. */
  private HttpResponse<byte @Nullable []> get(URI uri) {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .GET()
            .timeout(requestTimeout)
            .header("Accept", "application/json")
            .header(authHeader, authValue)
            .build();
    HttpResponse<byte @Nullable []> response;
    try {
      response = HttpBodies.send(http, request, bodies, requestTimeout);
    } catch (HttpBodies.Failure e) {
      throw failure(e);
    }
    int status = response.statusCode();
    LOG.debug("Agntix GET {} answered {}", MESSAGES_PATH, status);
    if (status / 100 == 2) {
      return response;
    }
    throw errorStatus(status, response.headers().firstValue("Retry-After").orElse(null));
  }

  private AgntixApiException failure(HttpBodies.Failure failure) {
    Throwable cause = failure.getCause();
    switch (failure.kind()) {
      case TIMEOUT:
      case CONNECT_TIMEOUT:
        return new AgntixApiException(
            Reason.TIMEOUT,
            0,
            null,
            "No complete response to GET "
                + MESSAGES_PATH
                + " within the timeout of "
                + requestTimeout.toMillis()
                + " ms",
            cause);
      case INTERRUPTED:
        return new AgntixApiException(
            Reason.INTERRUPTED, 0, null, "Interrupted during GET " + MESSAGES_PATH, cause);
      default:
        return new AgntixApiException(
            Reason.IO_ERROR,
            0,
            null,
            "GET "
                + MESSAGES_PATH
                + " failed ("
                + (cause == null ? "unknown" : cause.getClass().getSimpleName())
                + ")",
            cause);
    }
  }

  static AgntixApiException errorStatus(int status, @Nullable String retryAfterHeader) {
    Reason reason;
    String meaning;
    if (status == 401) {
      reason = Reason.UNAUTHORIZED;
      meaning = "missing or invalid credentials";
    } else if (status == 403) {
      reason = Reason.FORBIDDEN;
      meaning = "the credentials lack the needed scope";
    } else if (status == 404) {
      reason = Reason.NOT_FOUND;
      meaning = "no such session";
    } else if (status == 429) {
      reason = Reason.RATE_LIMITED;
      meaning = "rate limited";
    } else if (status >= 500 && status <= 599) {
      reason = Reason.SERVER_ERROR;
      meaning = "server error";
    } else {
      reason = Reason.HTTP_STATUS;
      meaning = "unexpected status";
    }
    Duration retryAfter = parseRetryAfter(retryAfterHeader, Clock.systemUTC());
    return new AgntixApiException(
        reason,
        status,
        retryAfter,
        "Agntix API answered HTTP "
            + status
            + " ("
            + meaning
            + ") to GET "
            + MESSAGES_PATH
            + (retryAfter == null ? "" : "; retry after " + retryAfter.toSeconds() + " s"),
        null);
  }

  /** Reads {@code Retry-After} as delay-seconds or an HTTP date; null when absent or unreadable. */
  static @Nullable Duration parseRetryAfter(@Nullable String value, Clock clock) {
    if (value == null) {
      return null;
    }
    String text = value.trim();
    if (text.isEmpty() || text.length() > 64) {
      return null;
    }
    if (text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return text.length() > 9 ? null : Duration.ofSeconds(Long.parseLong(text));
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration wait = Duration.between(clock.instant(), at.toInstant());
      return wait.isNegative() ? Duration.ZERO : wait;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Percent-encodes a session id as one path segment: only RFC 3986 unreserved bytes stay. */
  static String pathSegment(String sessionId) {
    Objects.requireNonNull(sessionId, "sessionId == null");
    if (sessionId.isBlank()) {
      throw new IllegalArgumentException("sessionId is empty");
    }
    if (sessionId.equals(".") || sessionId.equals("..")) {
      throw new IllegalArgumentException("sessionId must not be a dot segment");
    }
    StringBuilder out = new StringBuilder(sessionId.length() + 8);
    for (byte b : sessionId.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    return out.toString();
  }

  /** {@return the base URI and the kind of credentials, never the credentials themselves} */
  @Override
  public String toString() {
    return "AgntixClient[baseUri="
        + base
        + ", auth="
        + (authHeader.equals("Authorization") ? "bearer token" : "api key")
        + "]";
  }

  /** Builds an {@link AgntixClient}. Not thread-safe; the client it builds is. */
  public static final class Builder {
    private @Nullable String apiKey;
    private @Nullable String bearerToken;
    private URI baseUri = DEFAULT_BASE_URI;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(30);
    private @Nullable HttpClient httpClient;
    private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
    private int maxPages = DEFAULT_MAX_PAGES;

    private Builder() {}

    /**
     * Authenticates with an organisation API key, sent as {@code x-api-key}. Exactly one of this
     * and {@link #bearerToken(String)} is required.
     *
     * @param apiKey the key, such as {@code pk_live_...}
     * @return this builder
     * @throws IllegalArgumentException if the key is blank or holds characters not allowed in a
     *     header; the message never contains the key
     */
    public Builder apiKey(String apiKey) {
      this.apiKey =
          credential(
              apiKey,
              "Agntix API key (apiKey)",
              "an organisation API key (pk_live_...) from the Agntix dashboard");
      return this;
    }

    /**
     * Authenticates with a Clerk session token, sent as {@code Authorization: Bearer}. Exactly one
     * of this and {@link #apiKey(String)} is required.
     *
     * @param bearerToken the token, without the {@code Bearer} prefix
     * @return this builder
     * @throws IllegalArgumentException if the token is blank or holds characters not allowed in a
     *     header; the message never contains the token
     */
    public Builder bearerToken(String bearerToken) {
      this.bearerToken =
          credential(
              bearerToken,
              "Agntix bearer token (bearerToken)",
              "a session token of your Agntix user, without the Bearer prefix");
      return this;
    }

    private static String credential(String value, String name, String source) {
      String trimmed = Settings.requireText(value, name, source).trim();
      for (int i = 0; i < trimmed.length(); i++) {
        char c = trimmed.charAt(i);
        if (c < 0x21 || c > 0x7E) {
          throw new IllegalArgumentException(
              name + " holds characters not allowed in a header: pass " + source + ", as shown");
        }
      }
      return trimmed;
    }

    /**
     * Sets the API's base URI, for a proxy or a test server.
     *
     * @param baseUri an absolute {@code http} or {@code https} URI, optionally with a path prefix;
     *     default {@code https://api.agntix.ai}
     * @return this builder
     * @throws IllegalArgumentException if the URI is not absolute http(s), or has a query, a
     *     fragment or user info
     */
    public Builder baseUri(URI baseUri) {
      Objects.requireNonNull(baseUri, "baseUri == null");
      String scheme =
          baseUri.getScheme() == null ? "" : baseUri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https"))
          || baseUri.getHost() == null
          || baseUri.getRawQuery() != null
          || baseUri.getRawFragment() != null
          || baseUri.getRawUserInfo() != null) {
        throw new IllegalArgumentException(
            "baseUri must be an absolute http or https URI without query, fragment or user info");
      }
      this.baseUri = baseUri;
      return this;
    }

    /**
     * Sets how long to wait for a connection. Ignored when {@link #httpClient(HttpClient)} is set:
     * configure that client instead.
     *
     * @param connectTimeout a positive duration; default 10 seconds
     * @return this builder
     */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = positive(connectTimeout, "connectTimeout");
      return this;
    }

    /**
     * Sets how long one call may take, from sending the request to the last byte of the response.
     *
     * @param requestTimeout a positive duration; default 30 seconds
     * @return this builder
     */
    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = positive(requestTimeout, "requestTimeout");
      return this;
    }

    private static Duration positive(Duration duration, String name) {
      Objects.requireNonNull(duration, name + " == null");
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(name + " must be positive");
      }
      return duration;
    }

    /**
     * Uses the given HTTP client (shared connection pool, proxy, TLS settings) instead of creating
     * one. Configure it not to follow redirects across hosts, or the credentials may follow them.
     *
     * @param httpClient the client
     * @return this builder
     */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient == null");
      return this;
    }

    /**
     * Sets the largest response body accepted; a larger one fails with reason {@code TOO_LARGE} as
     * soon as the limit is passed (at once, when its {@code Content-Length} says so).
     *
     * @param maxResponseBytes at least 1; default 16 MiB
     * @return this builder
     */
    public Builder maxResponseBytes(long maxResponseBytes) {
      if (maxResponseBytes < 1) {
        throw new IllegalArgumentException("maxResponseBytes must be at least 1");
      }
      this.maxResponseBytes = maxResponseBytes;
      return this;
    }

    /**
     * Sets how many pages {@link AgntixClient#sessionMessages(String)} fetches at most, so that a
     * server that never reports the last page cannot keep it looping.
     *
     * @param maxPages at least 1; default {@value AgntixClient#DEFAULT_MAX_PAGES}
     * @return this builder
     */
    public Builder maxPages(int maxPages) {
      if (maxPages < 1) {
        throw new IllegalArgumentException("maxPages must be at least 1");
      }
      this.maxPages = maxPages;
      return this;
    }

    /**
     * Builds the client.
     *
     * @return the client
     * @throws IllegalStateException unless exactly one of an API key and a bearer token was given
     */
    public AgntixClient build() {
      if ((apiKey == null) == (bearerToken == null)) {
        throw new IllegalStateException(
            "AgntixClient needs exactly one credential: apiKey(\"pk_live_...\") with an"
                + " organisation API key from the Agntix dashboard, or bearerToken(...)");
      }
      return apiKey != null
          ? new AgntixClient(this, "x-api-key", apiKey)
          : new AgntixClient(this, "Authorization", "Bearer " + bearerToken);
    }
  }
}
