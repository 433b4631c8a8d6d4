package io.voicehooks.cllr;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.voicehooks.cllr.TranscriptFetchException.Reason;
import io.voicehooks.core.internal.FreeForm;
import io.voicehooks.core.internal.HttpBodies;
import io.voicehooks.core.internal.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import org.jspecify.annotations.Nullable;

/**
 * Downloads the JSON transcript that a {@link PostCallEvent#transcriptUri()} points to, refusing
 * URIs that point into the network it runs in.
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
 * <p><b>Which URIs are fetched.</b> cllr signs nothing, so whoever can reach your webhook endpoint
 * chooses the transcript URI, and without a policy the fetcher would request whatever it names: the
 * cloud metadata service at {@code 169.254.169.254}, an admin page on {@code localhost}, a host on
 * your private network. By default the fetcher therefore:
 *
 * <ul>
 *   <li>fetches {@code https} only ({@link Builder#allowPlainHttp});
 *   <li>refuses a host that resolves to any loopback ({@code 127/8}, {@code ::1}), private-network
 *       ({@code 10/8}, {@code 172.16/12}, {@code 192.168/16}, {@code 100.64/10}, {@code 198.18/15},
 *       {@code fc00::/7}), link-local ({@code 169.254/16}, {@code fe80::/10}), multicast,
 *       unspecified ({@code 0.0.0.0/8}, {@code ::}) or reserved address, including those spelled as
 *       IPv4-mapped, IPv4-compatible, NAT64 ({@code 64:ff9b::/96}) or 6to4 IPv6 addresses; the
 *       first three can be allowed ({@link Builder#allowLoopback}, {@link
 *       Builder#allowPrivateNetworks}, {@link Builder#allowLinkLocal}), the others never;
 *   <li>refuses the names {@code localhost} and {@code *.localhost}, a host whose last label is
 *       numeric unless it is a plain dotted quad (so {@code 2130706433}, {@code 0177.0.0.1}), and
 *       an IPv6 zone index;
 *   <li>fetches from any host, unless {@link Builder#allowedHosts} names the only ones allowed;
 *   <li>follows up to {@value #DEFAULT_MAX_REDIRECTS} redirects, each checked like the first URI,
 *       never from https to http ({@link Builder#maxRedirects}).
 * </ul>
 *
 * <p>A refusal is a {@link TranscriptFetchException} with {@link Reason#NOT_ALLOWED}, thrown before
 * anything is sent; its message names the rule and the host, never the path or query. The host is
 * resolved once, every address it resolves to is checked, and the connection goes to a checked
 * address: a DNS answer that changes afterwards (DNS rebinding) cannot redirect it. For https the
 * TLS layer is opened on that connection with the URI's host name, so SNI and certificate host name
 * verification work as usual. This is why the fetcher speaks HTTP/1.1 on its own socket rather than
 * through {@code java.net.http.HttpClient}, which resolves host names itself: GET only, one
 * connection per request, no proxy.
 *
 * <p>The timeout bounds the whole fetch (connecting, TLS, each redirect, the headers and the whole
 * body) except the name lookup, which the system resolver bounds. A body over the size limit is
 * abandoned as soon as the limit is passed (or at once, when its {@code Content-Length} says so).
 * Every failure is a {@link TranscriptFetchException}. Messages name the host and path at most,
 * never the full URI: the query string of a storage link may carry a signature token.
 *
 * <p>Fetch in the background, not in the webhook's request: cllr waits 10 seconds for an answer and
 * never retries. Instances are immutable and thread-safe.
 */
public final class CllrTranscriptFetcher {
  /** The timeout used when none is set: 10 seconds. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  /** The size limit used when none is set: 8 MiB. */
  public static final long DEFAULT_MAX_BYTES = 8L << 20;

  /** The number of redirects followed when none is set: 5. */
  public static final int DEFAULT_MAX_REDIRECTS = 5;

  /** The most redirects {@link Builder#maxRedirects} accepts. */
  private static final int MAX_REDIRECTS = 20;

  private static final ObjectMapper MAPPER = Json.mapper();

  private final Duration timeout;
  private final long maxBytes;
  private final int maxRedirects;
  private final FetchPolicy policy;
  private final @Nullable SSLContext sslContext;

  private CllrTranscriptFetcher(Builder builder) {
    this.timeout = builder.timeout;
    this.maxBytes = builder.maxBytes;
    this.maxRedirects = builder.maxRedirects;
    this.policy =
        new FetchPolicy(builder.plainHttp, builder.allowed, builder.hosts, builder.resolver);
    this.sslContext = builder.sslContext;
  }

  /**
   * {@return a fetcher with the defaults: https only, public addresses only, any host, 5 redirects,
   * 10 s timeout, 8 MiB limit}
   */
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
   * @param uri the transcript's absolute {@code https} (or, when allowed, {@code http}) URI
   * @return the transcript as a free-form value; null only when the file is the JSON literal {@code
   *     null}
   * @throws IllegalArgumentException if {@code uri} is not a valid absolute http or https URI with
   *     a host (the message does not repeat it)
   * @throws TranscriptFetchException if the policy refuses the URI ({@link Reason#NOT_ALLOWED}), or
   *     the transcript cannot be fetched or read
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
   * @param uri the transcript's absolute {@code https} (or, when allowed, {@code http}) URI
   * @return the transcript as a free-form value; null only when the file is the JSON literal {@code
   *     null}
   * @throws IllegalArgumentException if {@code uri} is not an absolute http or https URI with a
   *     host
   * @throws TranscriptFetchException if the policy refuses the URI or a redirect ({@link
   *     Reason#NOT_ALLOWED}), or the transcript cannot be fetched or read
   */
  public @Nullable Object fetch(URI uri) {
    Objects.requireNonNull(uri, "uri == null");
    String where = describe(uri);
    long deadline = HttpBodies.deadline(timeout);
    URI current = uri;
    String subject = "Transcript host " + uri.getHost();
    for (int redirects = 0; ; redirects++) {
      HttpGet.Response response = exchange(current, subject, where, deadline);
      int status = response.status();
      String location = response.location();
      if (isRedirect(status) && location != null && maxRedirects > 0) {
        if (redirects == maxRedirects) {
          throw new TranscriptFetchException(
              Reason.HTTP_STATUS,
              status,
              "Transcript "
                  + where
                  + ": HTTP status "
                  + status
                  + " after "
                  + redirects
                  + " redirects, the limit",
              null);
        }
        URI next = redirect(current, location, status, where);
        subject =
            "Transcript redirect from host " + current.getHost() + " to host " + next.getHost();
        if ("https".equalsIgnoreCase(current.getScheme())
            && !"https".equalsIgnoreCase(next.getScheme())) {
          throw new TranscriptFetchException(
              Reason.NOT_ALLOWED, 0, subject + " refused: a redirect from https to http", null);
        }
        current = next;
        where = describe(next);
        continue;
      }
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
  }

  /** Checks {@code uri} against the policy, then sends one GET to a checked address. */
  private HttpGet.Response exchange(URI uri, String subject, String where, long deadline) {
    if (Thread.currentThread().isInterrupted()) {
      throw interrupted(where, null);
    }
    try {
      List<InetAddress> addresses = policy.addresses(uri, subject);
      return HttpGet.send(uri, addresses, tls(), deadline, maxBytes);
    } catch (IOException e) {
      switch (HttpBodies.Failure.of(e).kind()) {
        case INTERRUPTED:
          throw interrupted(where, e); // the interrupt closed the socket
        case TIMEOUT:
        case CONNECT_TIMEOUT:
          throw new TranscriptFetchException(
              Reason.TIMEOUT,
              0,
              "Transcript " + where + " did not arrive within " + timeout.toMillis() + " ms",
              e);
        default:
          throw new TranscriptFetchException(
              Reason.IO_ERROR,
              0,
              "Cannot fetch the transcript " + where + " (" + e.getClass().getSimpleName() + ")",
              e);
      }
    }
  }

  private static TranscriptFetchException interrupted(String where, @Nullable Throwable cause) {
    return new TranscriptFetchException(
        Reason.INTERRUPTED, 0, "Interrupted while fetching the transcript " + where, cause);
  }

  private SSLSocketFactory tls() throws IOException {
    if (sslContext != null) {
      return sslContext.getSocketFactory();
    }
    try {
      return SSLContext.getDefault().getSocketFactory();
    } catch (NoSuchAlgorithmException e) {
      throw new IOException("no default TLS context", e);
    }
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  /** Resolves a {@code Location} against the URI that answered with it. */
  private static URI redirect(URI from, String location, int status, String where) {
    URI next;
    try {
      next = from.resolve(new URI(location.trim()));
    } catch (URISyntaxException | IllegalArgumentException e) {
      // Not chained, not quoted: the location may carry a token.
      throw new TranscriptFetchException(
          Reason.HTTP_STATUS,
          status,
          "Transcript " + where + ": HTTP status " + status + " with an invalid Location",
          null);
    }
    String scheme = String.valueOf(next.getScheme()).toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || next.getHost() == null) {
      throw new TranscriptFetchException(
          Reason.NOT_ALLOWED,
          0,
          "Transcript redirect from host "
              + from.getHost()
              + " refused: the target is not an http or https URI with a host",
          null);
    }
    return next;
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
          Reason.INVALID_RESPONSE,
          status,
          "Transcript " + where + " is not well-formed JSON" + at,
          null);
    } catch (IOException e) {
      throw new TranscriptFetchException(
          Reason.INVALID_RESPONSE, status, "Transcript " + where + " cannot be read as JSON", null);
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
    return "CllrTranscriptFetcher[timeout="
        + timeout
        + ", maxBytes="
        + maxBytes
        + ", maxRedirects="
        + maxRedirects
        + ", "
        + policy
        + "]";
  }

  /** Builds a {@link CllrTranscriptFetcher}. Not thread-safe; the fetcher it builds is. */
  public static final class Builder {
    private Duration timeout = DEFAULT_TIMEOUT;
    private long maxBytes = DEFAULT_MAX_BYTES;
    private int maxRedirects = DEFAULT_MAX_REDIRECTS;
    private boolean plainHttp;
    private final Set<AddressKind> allowed = EnumSet.noneOf(AddressKind.class);
    private List<String> hosts = List.of();
    private @Nullable SSLContext sslContext;
    private FetchPolicy.Resolver resolver = FetchPolicy.SYSTEM;

    private Builder() {}

    /**
     * Sets how long one fetch may take in all: connecting, TLS, redirects, the headers and the
     * whole body.
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
      if (maxBytes < 1 || maxBytes > HttpBodies.MAX_ARRAY_BYTES) {
        throw new IllegalArgumentException(
            "maxBytes must be from 1 to " + HttpBodies.MAX_ARRAY_BYTES);
      }
      this.maxBytes = maxBytes;
      return this;
    }

    /**
     * Sets how many redirects one fetch follows. Each target is checked like the first URI, and a
     * redirect from https to http is never followed. A redirect past the limit fails with {@link
     * Reason#HTTP_STATUS} and the redirect's status.
     *
     * @param maxRedirects from 0 (follow none) to 20; default 5
     * @return this builder
     */
    public Builder maxRedirects(int maxRedirects) {
      if (maxRedirects < 0 || maxRedirects > MAX_REDIRECTS) {
        throw new IllegalArgumentException("maxRedirects must be from 0 to " + MAX_REDIRECTS);
      }
      this.maxRedirects = maxRedirects;
      return this;
    }

    /**
     * Sets whether plain {@code http} URIs are fetched as well as {@code https}. Anyone on the path
     * can read and change a transcript sent over http; allow it for a local test server, not in
     * production.
     *
     * @param allow true to fetch http too; default false
     * @return this builder
     */
    public Builder allowPlainHttp(boolean allow) {
      this.plainHttp = allow;
      return this;
    }

    /**
     * Sets whether hosts that resolve to a loopback address ({@code 127.0.0.0/8}, {@code ::1}) and
     * the names {@code localhost} and {@code *.localhost} are fetched. For tests against a local
     * server; in production it lets any sender reach services on this machine.
     *
     * @param allow true to allow loopback; default false
     * @return this builder
     */
    public Builder allowLoopback(boolean allow) {
      return allow(AddressKind.LOOPBACK, allow);
    }

    /**
     * Sets whether hosts that resolve to a private-network address are fetched: RFC 1918 ({@code
     * 10/8}, {@code 172.16/12}, {@code 192.168/16}), shared address space ({@code 100.64/10}),
     * {@code 198.18/15}, unique local IPv6 ({@code fc00::/7}, AWS's {@code fd00:ec2::254} metadata
     * address included) and site-local IPv6 ({@code fec0::/10}). For transcripts kept on an
     * internal store; combine it with {@link #allowedHosts} so that only that store is reachable.
     *
     * @param allow true to allow private networks; default false
     * @return this builder
     */
    public Builder allowPrivateNetworks(boolean allow) {
      return allow(AddressKind.PRIVATE, allow);
    }

    /**
     * Sets whether hosts that resolve to a link-local address ({@code 169.254/16}, {@code
     * fe80::/10}) are fetched. Cloud metadata services, which hand out credentials, answer there:
     * allow it only with an {@link #allowedHosts allow-list} and a reason.
     *
     * @param allow true to allow link-local addresses; default false
     * @return this builder
     */
    public Builder allowLinkLocal(boolean allow) {
      return allow(AddressKind.LINK_LOCAL, allow);
    }

    private Builder allow(AddressKind kind, boolean allow) {
      if (allow) {
        allowed.add(kind);
      } else {
        allowed.remove(kind);
      }
      return this;
    }

    /**
     * Sets the only hosts fetched from, replacing any set before; empty (the default) allows any
     * host. An entry is a host name ({@code transcripts.cllr.ai}), an IP address as written in the
     * URI, or {@code *.} and a domain ({@code *.example.com}), which allows every host below the
     * domain but not the domain itself. Case and a trailing dot do not matter. The address check
     * still applies to an allowed host.
     *
     * @param patterns the allowed hosts
     * @return this builder
     * @throws IllegalArgumentException if an entry is not of this form
     */
    public Builder allowedHosts(String... patterns) {
      Objects.requireNonNull(patterns, "patterns == null");
      return allowedHosts(Arrays.asList(patterns));
    }

    /**
     * Sets the only hosts fetched from; see {@link #allowedHosts(String...)}.
     *
     * @param patterns the allowed hosts; empty allows any host
     * @return this builder
     * @throws IllegalArgumentException if an entry is not a host name, an IP address or {@code
     *     *.domain}
     */
    public Builder allowedHosts(Collection<String> patterns) {
      Objects.requireNonNull(patterns, "patterns == null");
      this.hosts = List.copyOf(FetchPolicy.hostPatterns(patterns));
      return this;
    }

    /**
     * Sets the TLS context for https, for a private certificate authority or client certificates.
     * Certificate host name verification stays on. By default, the JVM's default context.
     *
     * @param sslContext the context
     * @return this builder
     */
    public Builder sslContext(SSLContext sslContext) {
      this.sslContext = Objects.requireNonNull(sslContext, "sslContext == null");
      return this;
    }

    /** Sets how host names are looked up; for tests, which must not depend on DNS. */
    Builder resolver(FetchPolicy.Resolver resolver) {
      this.resolver = Objects.requireNonNull(resolver, "resolver == null");
      return this;
    }

    /** {@return the fetcher} */
    public CllrTranscriptFetcher build() {
      return new CllrTranscriptFetcher(this);
    }
  }
}
