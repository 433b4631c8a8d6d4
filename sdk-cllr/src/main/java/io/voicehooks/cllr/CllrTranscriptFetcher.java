package io.voicehooks.cllr;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.voicehooks.cllr.TranscriptFetchException.Reason;
import io.voicehooks.core.internal.FreeForm;
import io.voicehooks.core.internal.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Downloads the JSON transcript that a {@link PostCallEvent#transcriptUri()} points to, with the
 * JDK's {@link HttpClient}.
 *
 * <pre>{@code
 * CllrTranscriptFetcher transcripts = CllrTranscriptFetcher.create();
 * Object transcript = transcripts.fetch(event.transcriptUri()); // a Map or a List, usually
 * }</pre>
 *
 * <p>cllr does not document the transcript's shape, so it is returned as a free-form value: an
 * unmodifiable {@code Map<String, Object>} for a JSON object, an unmodifiable {@code List<Object>}
 * for an array, nested to any depth (numbers as {@code Integer}, {@code Long}, {@code BigInteger}
 * or {@code BigDecimal}, JSON nulls kept).
 *
 * <p>Only {@code http} and {@code https} URIs are fetched. The timeout bounds the whole exchange
 * (connecting, the headers and the whole body); a body over the size limit is abandoned as soon as
 * the limit is passed (or at once, when its {@code Content-Length} says so). Every failure is a
 * {@link TranscriptFetchException}. Messages name the host and path at most, never the full URI:
 * the query string of a storage link may carry a signature token.
 *
 * <p>Fetch in the background, not in the webhook's request: cllr waits 10 seconds for an answer and
 * never retries. Instances are immutable and thread-safe.
 */
public final class CllrTranscriptFetcher {
  /** The timeout used when none is set: 10 seconds. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  /** The size limit used when none is set: 8 MiB. */
  public static final long DEFAULT_MAX_BYTES = 8L << 20;

  /** The largest byte array a JVM reliably allocates. */
  private static final long MAX_ARRAY_BYTES = Integer.MAX_VALUE - 8;

  private static final ObjectMapper MAPPER = Json.mapper();

  private final HttpClient client;
  private final Duration timeout;
  private final long maxBytes;

  private CllrTranscriptFetcher(Builder builder) {
    this.timeout = builder.timeout;
    this.maxBytes = builder.maxBytes;
    HttpClient configured = builder.client;
    this.client =
        configured != null
            ? configured
            : HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
  }

  /** {@return a fetcher with the defaults: 10 s timeout, 8 MiB limit, its own HTTP client} */
  public static CllrTranscriptFetcher create() {
    return builder().build();
  }

  /** {@return a builder of a fetcher with other options} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Fetches a transcript given as text, such as {@link PostCallEvent#transcriptUri()}.
   *
   * @param uri the transcript's absolute {@code http} or {@code https} URI
   * @return the transcript as a free-form value; null only when the file is the JSON literal {@code
   *     null}
   * @throws IllegalArgumentException if {@code uri} is not a valid absolute http or https URI (the
   *     message does not repeat it)
   * @throws TranscriptFetchException if the transcript cannot be fetched or read
   */
  public @Nullable Object fetch(String uri) {
    Objects.requireNonNull(uri, "uri == null");
    URI parsed;
    try {
      parsed = new URI(uri.trim());
    } catch (URISyntaxException e) {
      // Not chained: URISyntaxException's message repeats the whole URI, query token included.
      throw new IllegalArgumentException("uri is not a valid URI (" + e.getReason() + ")");
    }
    return fetch(parsed);
  }

  /**
   * Fetches a transcript.
   *
   * @param uri the transcript's absolute {@code http} or {@code https} URI
   * @return the transcript as a free-form value; null only when the file is the JSON literal {@code
   *     null}
   * @throws IllegalArgumentException if {@code uri} is not an absolute http or https URI with a
   *     host
   * @throws TranscriptFetchException if the transcript cannot be fetched or read
   */
  public @Nullable Object fetch(URI uri) {
    Objects.requireNonNull(uri, "uri == null");
    String where = describe(uri);
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Accept", "application/json")
            .GET()
            .build();
    HttpResponse<byte @Nullable []> response = send(request, where);
    int status = response.statusCode();
    if (status < 200 || status > 299) {
      throw new TranscriptFetchException(
          Reason.HTTP_STATUS, status, "Transcript " + where + ": HTTP status " + status, null);
    }
    byte[] body = response.body();
    if (body == null) {
      throw new TranscriptFetchException(
          Reason.TOO_LARGE,
          status,
          "Transcript " + where + " is larger than the limit of " + maxBytes + " bytes",
          null);
    }
    return parse(body, status, where);
  }

  private HttpResponse<byte @Nullable []> send(HttpRequest request, String where) {
    CompletableFuture<HttpResponse<byte @Nullable []>> future =
        client.sendAsync(request, this::bodySubscriber);
    try {
      // The request timeout covers the headers only; this deadline covers the body as well.
      return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw timedOut(where, null);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new TranscriptFetchException(
          Reason.INTERRUPTED, 0, "Interrupted while fetching the transcript " + where, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof HttpTimeoutException) {
        throw timedOut(where, cause);
      }
      throw new TranscriptFetchException(
          Reason.IO_ERROR,
          0,
          "Cannot fetch the transcript " + where + " (" + cause.getClass().getSimpleName() + ")",
          cause);
    }
  }

  private TranscriptFetchException timedOut(String where, @Nullable Throwable cause) {
    return new TranscriptFetchException(
        Reason.TIMEOUT,
        0,
        "Transcript " + where + " did not arrive within " + timeout.toMillis() + " ms",
        cause);
  }

  /** Reads the body only for a 2xx answer whose declared length is within the limit. */
  private BodySubscriber<byte @Nullable []> bodySubscriber(HttpResponse.ResponseInfo info) {
    int status = info.statusCode();
    if (status < 200 || status > 299 || declaredLength(info.headers()) > maxBytes) {
      return new LimitedBody(-1);
    }
    return new LimitedBody(maxBytes);
  }

  private static long declaredLength(HttpHeaders headers) {
    try {
      return headers.firstValueAsLong("Content-Length").orElse(-1);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static @Nullable Object parse(byte[] body, int status, String where) {
    try {
      return FreeForm.copyValue(MAPPER.readValue(body, Object.class));
    } catch (JsonProcessingException e) {
      // Not chained: Jackson's messages may quote the transcript's text.
      JsonLocation location = e.getLocation();
      String at =
          location == null
              ? ""
              : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
      throw new TranscriptFetchException(
          Reason.MALFORMED, status, "Transcript " + where + " is not well-formed JSON" + at, null);
    } catch (IOException e) {
      throw new TranscriptFetchException(
          Reason.MALFORMED, status, "Transcript " + where + " cannot be read as JSON", null);
    }
  }

  /** Names the host and path of a transcript URI, never its query, after checking its scheme. */
  private static String describe(URI uri) {
    String scheme = uri.getScheme();
    String lower = scheme == null ? "" : scheme.toLowerCase(Locale.ROOT);
    if (!lower.equals("http") && !lower.equals("https")) {
      throw new IllegalArgumentException("uri must be an absolute http or https URI");
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      throw new IllegalArgumentException("uri has no host");
    }
    String path = uri.getRawPath();
    return "from host " + host + ", path " + (path == null || path.isEmpty() ? "/" : path);
  }

  @Override
  public String toString() {
    return "CllrTranscriptFetcher{timeout=" + timeout + ", maxBytes=" + maxBytes + "}";
  }

  /**
   * Collects a body up to a limit. Completes with null, after cancelling the subscription, as soon
   * as the body passes the limit, so the rest is never read; a negative limit skips the body.
   */
  private static final class LimitedBody implements BodySubscriber<byte @Nullable []> {
    private final long limit;
    private final CompletableFuture<byte @Nullable []> result = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private Flow.@Nullable Subscription subscription;

    LimitedBody(long limit) {
      this.limit = limit;
    }

    @Override
    public CompletionStage<byte @Nullable []> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      if (limit < 0) {
        subscription.cancel();
        result.complete(null);
        return;
      }
      this.subscription = subscription;
      subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      Flow.Subscription s = Objects.requireNonNull(subscription);
      if (result.isDone()) {
        return; // items already in flight when we cancelled
      }
      for (ByteBuffer buffer : buffers) {
        if (bytes.size() + (long) buffer.remaining() > limit) {
          s.cancel();
          result.complete(null);
          return;
        }
        byte[] chunk = new byte[buffer.remaining()];
        buffer.get(chunk);
        bytes.write(chunk, 0, chunk.length);
      }
      s.request(1);
    }

    @Override
    public void onError(Throwable failure) {
      result.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
      result.complete(bytes.toByteArray());
    }
  }

  /** Builds a {@link CllrTranscriptFetcher}. Not thread-safe; the fetcher it builds is. */
  public static final class Builder {
    private Duration timeout = DEFAULT_TIMEOUT;
    private long maxBytes = DEFAULT_MAX_BYTES;
    private @Nullable HttpClient client;

    private Builder() {}

    /**
     * Sets how long one fetch may take in all: connecting, the headers and the whole body.
     *
     * @param timeout a positive duration; default 10 seconds
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout == null");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive");
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Sets the largest transcript accepted.
     *
     * @param maxBytes the limit in bytes, from 1 to {@code Integer.MAX_VALUE - 8}; default 8 MiB
     * @return this builder
     */
    public Builder maxBytes(long maxBytes) {
      if (maxBytes < 1 || maxBytes > MAX_ARRAY_BYTES) {
        throw new IllegalArgumentException("maxBytes must be from 1 to " + MAX_ARRAY_BYTES);
      }
      this.maxBytes = maxBytes;
      return this;
    }

    /**
     * Sets the HTTP client to send with, for a proxy, TLS settings or a shared executor. Its own
     * redirect policy and connect timeout apply; the fetcher's timeout still bounds each fetch. By
     * default the fetcher builds its own client, which follows redirects except from https to http.
     *
     * @param client the client
     * @return this builder
     */
    public Builder httpClient(HttpClient client) {
      this.client = Objects.requireNonNull(client, "client == null");
      return this;
    }

    /** {@return the fetcher} */
    public CllrTranscriptFetcher build() {
      return new CllrTranscriptFetcher(this);
    }
  }
}
