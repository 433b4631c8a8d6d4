package io.voicehooks.core.internal;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Reads HTTP responses within one deadline and a size limit, the same way for every HTTP client in
 * VoiceHooks: the Agntix API client and the webhook simulator on {@code java.net.http.HttpClient}
 * ({@link #send}), the cllr transcript fetcher on its own socket ({@link #withDeadline}, {@link
 * #readToEnd}, {@link #readExactly}).
 *
 * <ul>
 *   <li><b>One deadline</b> ({@link #deadline}) covers the whole exchange: connecting, sending, the
 *       headers and the last byte of the body. A body that stalls, or trickles in forever below the
 *       size limit, fails with {@link Failure.Kind#TIMEOUT} at the deadline.
 *   <li><b>The size limit is enforced while the body streams in</b> ({@link #limited}, {@link
 *       Limited}): a {@code Content-Length} over the limit is refused before the body is read;
 *       otherwise reading stops as soon as the bytes received would pass the limit, and nothing
 *       past it is kept. The body is then null and the connection is dropped. {@link #truncated}
 *       keeps the start of a body instead, discarding the rest as it arrives.
 *   <li><b>A body the caller does not use</b> ({@link #skipped}, an error status's, say) is not
 *       read: the exchange ends as soon as the headers are in.
 *   <li><b>An interrupt</b> of the waiting thread ends the exchange with {@link
 *       Failure.Kind#INTERRUPTED}, and the thread's interrupt flag is set again.
 * </ul>
 *
 * <p>JDK only: no dependency beyond {@code java.base} and {@code java.net.http}.
 */
public final class HttpBodies {
  /** The largest body held: the largest byte array a JVM reliably allocates. */
  public static final int MAX_ARRAY_BYTES = Integer.MAX_VALUE - 8;

  private static final byte[] EMPTY = new byte[0];
  private static final int READ_BUFFER = 8192;

  private HttpBodies() {}

  // --- The deadline ------------------------------------------------------------------------------

  /**
   * Starts a deadline.
   *
   * @param timeout how long from now; a duration too long for nanoseconds saturates
   * @return the {@link System#nanoTime()} at which it passes; compare only by subtraction
   */
  public static long deadline(Duration timeout) {
    long nanos;
    try {
      nanos = Math.max(0, timeout.toNanos());
    } catch (ArithmeticException e) {
      nanos = timeout.isNegative() ? 0 : Long.MAX_VALUE;
    }
    return System.nanoTime() + nanos; // wraps for huge timeouts; remainingNanos subtracts
  }

  /**
   * {@return the nanoseconds left until a deadline, 0 once it has passed}
   *
   * @param deadline from {@link #deadline}
   */
  static long remainingNanos(long deadline) {
    return Math.max(0, deadline - System.nanoTime());
  }

  /**
   * Returns the time left as a socket timeout.
   *
   * @param deadline from {@link #deadline}
   * @return the milliseconds left, at least 1 (a socket timeout of 0 means none)
   * @throws SocketTimeoutException if the deadline has passed
   */
  public static int remainingMillis(long deadline) throws SocketTimeoutException {
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      throw new SocketTimeoutException("the deadline passed");
    }
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(left)));
  }

  // --- java.net.http -----------------------------------------------------------------------------

  /**
   * Sends a request and waits for the whole response, body included, until the deadline. Set the
   * request's own timeout to the same duration, so that the client also gives up by itself.
   *
   * @param client the client
   * @param request the request
   * @param handler reads the body, such as {@link #limitedIfSuccessful} or {@code info ->
   *     truncated(n)}
   * @param timeout the time the whole exchange may take
   * @param <T> the body type
   * @return the response
   * @throws Failure if the deadline passes ({@code TIMEOUT}, or {@code CONNECT_TIMEOUT} when the
   *     client's own connect timeout fired first), the thread is interrupted ({@code INTERRUPTED},
   *     the flag set again) or the exchange fails ({@code IO_ERROR}); the exchange is cancelled
   */
  public static <T> HttpResponse<T> send(
      HttpClient client, HttpRequest request, BodyHandler<T> handler, Duration timeout)
      throws Failure {
    long deadline = deadline(timeout);
    CompletableFuture<HttpResponse<T>> future = client.sendAsync(request, handler);
    try {
      return future.get(remainingNanos(deadline), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new Failure(Failure.Kind.TIMEOUT, null);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new Failure(Failure.Kind.INTERRUPTED, e);
    } catch (ExecutionException e) {
      throw Failure.of(e.getCause() == null ? e : e.getCause());
    }
  }

  /**
   * Reads a 2xx body with {@link #limited} and skips any other ({@link #skipped}): for a client
   * that only uses a successful response's body.
   *
   * @param limit the largest body accepted, in bytes
   * @return the handler; its body is null when over the limit, empty for a status outside 2xx
   */
  public static BodyHandler<byte @Nullable []> limitedIfSuccessful(long limit) {
    Limited.check(limit);
    return info -> info.statusCode() / 100 == 2 ? limited(limit, info) : skipped();
  }

  /**
   * Collects a body up to a limit, failing as soon as its {@code Content-Length} or the bytes
   * received pass it: the subscription is then cancelled (the connection dropped) and the body is
   * null.
   *
   * @param limit the largest body accepted, in bytes; above {@link #MAX_ARRAY_BYTES} it is that
   * @param info the response, for its {@code Content-Length}
   * @return the subscriber
   */
  private static BodySubscriber<byte @Nullable []> limited(
      long limit, HttpResponse.ResponseInfo info) {
    long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
    return new Collecting(new Limited(limit), declared, false);
  }

  /**
   * Keeps the first bytes of a body and discards the rest as it arrives, reading to the end (within
   * the deadline of {@link #send}).
   *
   * @param keep how many bytes to keep
   * @return the subscriber; its body is never null
   */
  public static BodySubscriber<byte[]> truncated(int keep) {
    BodySubscriber<byte @Nullable []> collecting = new Collecting(new Limited(keep), -1, true);
    return HttpResponse.BodySubscribers.mapping(collecting, body -> body == null ? EMPTY : body);
  }

  /**
   * Does not read the body: cancels the subscription at once (the connection is dropped rather than
   * drained) and completes with an empty array.
   *
   * @return the subscriber
   */
  static BodySubscriber<byte[]> skipped() {
    return new Skipped();
  }

  // --- Streams -----------------------------------------------------------------------------------

  /**
   * Bounds every read of a socket's stream by the time left until the deadline: each read first
   * sets the socket's timeout to it, so that a read still blocked at the deadline fails with a
   * {@link SocketTimeoutException}.
   *
   * @param in the socket's stream, or that of a TLS layer over it
   * @param socket the raw socket, whose timeout also governs a TLS layer above it
   * @param deadline from {@link #deadline}
   * @return the bounded stream
   */
  public static InputStream withDeadline(InputStream in, Socket socket, long deadline) {
    return new DeadlineInput(in, socket, deadline);
  }

  /**
   * Reads a stream to its end, stopping as soon as the bytes would pass the limit.
   *
   * @param in the stream
   * @param into where the bytes go
   * @return true at the end of the stream; false when the limit was reached first (the rest unread)
   * @throws IOException if reading fails
   */
  public static boolean readToEnd(InputStream in, Limited into) throws IOException {
    byte[] buffer = new byte[READ_BUFFER];
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      if (!into.add(buffer, 0, n)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Reads exactly {@code length} bytes, which must {@link Limited#fits fit}.
   *
   * @param in the stream
   * @param length how many bytes
   * @param into where the bytes go
   * @throws EOFException if the stream ends first
   * @throws IOException if reading fails
   * @throws IllegalArgumentException if the bytes do not fit
   */
  public static void readExactly(InputStream in, long length, Limited into) throws IOException {
    if (!into.fits(length)) {
      throw new IllegalArgumentException("the body does not fit the limit");
    }
    byte[] buffer = new byte[(int) Math.min(READ_BUFFER, Math.max(1, length))];
    for (long left = length; left > 0; ) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) {
        throw new EOFException("the connection closed before the end of the body");
      }
      into.add(buffer, 0, n);
      left -= n;
    }
  }

  // --- Failures ----------------------------------------------------------------------------------

  /**
   * Tells whether an HTTP status says that the same request may succeed later: 429 (too many
   * requests) and 5xx (the server failed). The one rule of every {@code isRetryable()}.
   *
   * @param status the HTTP status, or 0
   * @return whether retrying later may help
   */
  public static boolean isRetryableStatus(int status) {
    return status == 429 || (status >= 500 && status <= 599);
  }

  /**
   * Why an exchange failed, with the underlying exception as the cause (none for a deadline that
   * {@link #send} enforced itself). The message names the kind only: callers write their own.
   */
  public static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;

    /** The kinds of failure. */
    public enum Kind {
      /** The deadline passed before the whole response (headers and body) arrived. */
      TIMEOUT,
      /**
       * The {@code HttpClient}'s own connect timeout, shorter than the deadline, fired. A client
       * with a single deadline reports it as {@link #TIMEOUT}.
       */
      CONNECT_TIMEOUT,
      /** The calling thread was interrupted; its interrupt flag is set. */
      INTERRUPTED,
      /** The connection failed or broke off, or the answer was not HTTP. */
      IO_ERROR
    }

    /** The kind. */
    private final Kind kind;

    Failure(Kind kind, @Nullable Throwable cause) {
      super("HTTP exchange failed: " + kind, cause);
      this.kind = kind;
    }

    /** {@return the kind of failure} */
    public Kind kind() {
      return kind;
    }

    /**
     * Classifies what an exchange threw: an interrupt when the current thread's interrupt flag is
     * set (an interrupt closes an NIO socket), then a timeout anywhere in the cause chain, then any
     * other I/O failure.
     *
     * @param thrown what the exchange threw
     * @return the failure, with {@code thrown} as its cause
     * @throws RuntimeException if {@code thrown} is one (not an I/O failure: a bug), or an {@link
     *     Error}
     */
    public static Failure of(Throwable thrown) {
      Throwable cause = thrown;
      while ((cause instanceof CompletionException || cause instanceof ExecutionException)
          && cause.getCause() != null) {
        cause = cause.getCause();
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof ClosedByInterruptException || Thread.currentThread().isInterrupted()) {
        return new Failure(Kind.INTERRUPTED, cause);
      }
      for (Throwable t = cause; t != null; t = t.getCause()) {
        if (t instanceof HttpConnectTimeoutException) {
          return new Failure(Kind.CONNECT_TIMEOUT, cause);
        }
        if (t instanceof HttpTimeoutException || t instanceof SocketTimeoutException) {
          return new Failure(Kind.TIMEOUT, cause);
        }
      }
      return new Failure(Kind.IO_ERROR, cause);
    }
  }

  // --- The collectors ----------------------------------------------------------------------------

  /** Bytes collected up to a limit: nothing past the limit is ever kept. Not thread-safe. */
  public static final class Limited {
    private final int limit;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    /**
     * Creates an empty collector.
     *
     * @param limit the most bytes kept, at least 0; above {@link #MAX_ARRAY_BYTES} it is that
     */
    public Limited(long limit) {
      check(limit);
      this.limit = (int) Math.min(limit, MAX_ARRAY_BYTES);
    }

    private static void check(long limit) {
      if (limit < 0) {
        throw new IllegalArgumentException("limit must not be negative");
      }
    }

    /**
     * {@return whether {@code more} bytes fit under the limit}
     *
     * @param more the number of bytes, such as a declared length
     */
    public boolean fits(long more) {
      return more >= 0 && more <= space();
    }

    /** {@return how many more bytes fit} */
    public int space() {
      return limit - bytes.size();
    }

    /**
     * Appends bytes if they all fit.
     *
     * @param b the bytes
     * @param off where they start
     * @param len how many
     * @return false, appending nothing, when they do not fit
     */
    public boolean add(byte[] b, int off, int len) {
      if (!fits(len)) {
        return false;
      }
      bytes.write(b, off, len);
      return true;
    }

    /**
     * Appends the bytes left in a buffer, or as many as fit; the buffer is consumed either way.
     *
     * @param buffer the bytes
     * @return whether they all fit
     */
    boolean addAtMost(ByteBuffer buffer) {
      int take = Math.min(buffer.remaining(), space());
      if (buffer.hasArray()) {
        bytes.write(buffer.array(), buffer.arrayOffset() + buffer.position(), take);
      } else {
        byte[] chunk = new byte[take];
        buffer.duplicate().get(chunk);
        bytes.write(chunk, 0, take);
      }
      boolean all = take == buffer.remaining();
      buffer.position(buffer.limit());
      return all;
    }

    /** {@return the number of bytes collected} */
    public int size() {
      return bytes.size();
    }

    /** {@return a copy of the bytes collected} */
    public byte[] toByteArray() {
      return bytes.toByteArray();
    }
  }

  /** Collects a body into a {@link Limited}, failing (null) or truncating past its limit. */
  private static final class Collecting implements BodySubscriber<byte @Nullable []> {
    private final Limited bytes;
    private final long declared;
    private final boolean truncate;
    private final CompletableFuture<byte @Nullable []> body = new CompletableFuture<>();
    private Flow.@Nullable Subscription subscription;

    Collecting(Limited bytes, long declared, boolean truncate) {
      this.bytes = bytes;
      this.declared = declared;
      this.truncate = truncate;
    }

    @Override
    public CompletionStage<byte @Nullable []> getBody() {
      return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      if (declared >= 0 && !truncate && !bytes.fits(declared)) {
        tooLarge();
        return;
      }
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      for (ByteBuffer buffer : buffers) {
        if (body.isDone()) {
          return;
        }
        // Checked before anything is copied: a buffer that would pass the limit is not kept.
        if (!truncate && buffer.remaining() > bytes.space()) {
          tooLarge();
          return;
        }
        bytes.addAtMost(buffer);
      }
    }

    private void tooLarge() {
      Flow.Subscription s = subscription;
      if (s != null) {
        s.cancel();
      }
      body.complete(null);
    }

    @Override
    public void onError(Throwable throwable) {
      body.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
      body.complete(bytes.toByteArray());
    }
  }

  /** Cancels at once and completes with an empty body. */
  private static final class Skipped implements BodySubscriber<byte[]> {
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();

    @Override
    public CompletionStage<byte[]> getBody() {
      return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      subscription.cancel();
      body.complete(EMPTY);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
      // Cancelled: nothing more is read.
    }

    @Override
    public void onError(Throwable throwable) {
      body.complete(EMPTY);
    }

    @Override
    public void onComplete() {
      body.complete(EMPTY);
    }
  }

  /** Sets the socket's timeout to the time left before every read. */
  private static final class DeadlineInput extends FilterInputStream {
    private final Socket socket;
    private final long deadline;

    DeadlineInput(InputStream in, Socket socket, long deadline) {
      super(in);
      this.socket = socket;
      this.deadline = deadline;
    }

    @Override
    public int read() throws IOException {
      socket.setSoTimeout(remainingMillis(deadline));
      return super.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      socket.setSoTimeout(remainingMillis(deadline));
      return super.read(b, off, len);
    }
  }
}
