package io.voicehooks.core;

import io.voicehooks.core.WebhookResponse.Outcome;
import io.voicehooks.core.internal.Durations;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives deliveries end to end: verifies, parses, de-duplicates, dispatches to a listener, and
 * answers with the status the sender expects. Framework-neutral: any server that can hand over the
 * raw body bytes and the headers can use it.
 *
 * <p>In any server, hand over the raw request target (path and query, for URL secrets), the headers
 * and the body stream, and copy the answer back:
 *
 * <pre>{@code
 * WebhookHandler handler = WebhookHandler.builder(AgniWebhookParser.builder()
 *         .expectedOrgId(System.getenv("AGNI_ORG_ID")).build())
 *     .listener(event -> crm.record(event))
 *     .build();
 * WebhookResponse answer = handler.handle(requestTarget, WebhookHeaders.of(headerMap), bodyStream);
 * respond(answer.status(), answer.contentType(), answer.bodyBytes());   // your server's API
 * }</pre>
 *
 * <p>In a servlet container (Jetty, Tomcat, any WAR), register {@code new WebhookServlet(handler)}
 * of {@code voicehooks-servlet} ({@code io.voicehooks.servlet}) instead: it does the above, answers
 * other methods 405, gets an oversized body's 413 to every kind of client (see {@link
 * #handle(WebhookHeaders, InputStream)}), and closes the handler when the container destroys it.
 *
 * <p>How it answers:
 *
 * <table>
 *   <caption>Statuses</caption>
 *   <tr><th>outcome</th><th>status</th></tr>
 *   <tr><td>processed, duplicate already completed, unknown event type</td><td>200</td></tr>
 *   <tr><td>duplicate whose first delivery is still being processed</td><td>409</td></tr>
 *   <tr><td>malformed JSON, missing required field, not a JSON object</td><td>400</td></tr>
 *   <tr><td>verification failed (signature, timestamp, organisation, shared secret)</td>
 *       <td>401</td></tr>
 *   <tr><td>body over the parser's size limit ({@link WebhookParser#maxBodyBytes()})</td>
 *       <td>413</td></tr>
 *   <tr><td>listener threw (synchronous mode); the key is released for the retry</td>
 *       <td>500</td></tr>
 *   <tr><td>queue full or handler closed (asynchronous mode), store or inbox down</td>
 *       <td>503</td></tr>
 * </table>
 *
 * <p><b>Synchronous mode</b> (the default) runs the listener on the calling thread: the event is
 * claimed in the {@link IdempotencyStore}, the listener runs, the key is completed, and 200 is
 * returned; if the listener throws, the key is released and 500 tells the provider to retry.
 * <b>Asynchronous mode</b> ({@link Builder#executor(Executor)}) claims, queues the event for the
 * executor and answers 200 at once; providers with short timeouts (cllr: 10 s, no retries) are best
 * served this way. At most {@link Builder#maxPending(int)} events wait; past that, 503. A failure
 * in the background is logged and passed to {@link Builder#onError(BiConsumer)}: the provider has
 * already seen 200, so keep the listener's own failure handling durable (or use a durable inbox).
 * <b>Durable mode</b> ({@link Builder#inbox(Inbox)}) stores each delivery in an {@link Inbox}
 * before answering 200, and the inbox's workers dispatch it: nothing acknowledged is lost to a
 * crash, and several replicas can share one inbox.
 *
 * <p>Instances are thread-safe. Logs never contain a payload or a header value.
 */
public final class WebhookHandler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookHandler.class);

  private static final WebhookResponse CLOSED =
      WebhookResponse.error(Outcome.UNAVAILABLE, "Receiver is shutting down; retry later");

  private final Dispatch<?> dispatch;
  private final int maxBodyBytes;
  private final Duration drainTimeout;
  private final Object drained = new Object();
  private final AtomicInteger inFlight = new AtomicInteger();
  private volatile boolean closed;

  private WebhookHandler(Builder<?> builder) {
    this.dispatch = builder.dispatch(this::signalIfClosed);
    this.maxBodyBytes = builder.parser.maxBodyBytes();
    this.drainTimeout = builder.drainTimeout;
  }

  /**
   * Returns a builder for a handler of the given parser's events.
   *
   * @param parser the provider's parser
   * @param <E> the provider's event type
   * @return the builder; a listener is required
   * @throws IllegalArgumentException if the parser's {@link WebhookParser#maxBodyBytes()} is not
   *     between 1 and 2^31 - 9
   */
  public static <E extends WebhookEvent> Builder<E> builder(WebhookParser<E> parser) {
    Objects.requireNonNull(parser, "parser == null");
    int limit = parser.maxBodyBytes();
    if (limit < 1 || limit > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "parser.maxBodyBytes() must be between 1 and 2^31 - 9, not " + limit);
    }
    return new Builder<>(parser);
  }

  /**
   * Handles one delivery whose body has been read.
   *
   * @param request the delivery as received
   * @return the answer for the sender; never null, never an exception for bad input
   */
  public WebhookResponse handle(WebhookRequest request) {
    Objects.requireNonNull(request, "request == null");
    // Counted before the check, so a shutdown that sees nothing in flight has refused this one.
    inFlight.incrementAndGet();
    try {
      if (closed) {
        return CLOSED;
      }
      if (request.bodyLength() > maxBodyBytes) {
        return Dispatch.tooLarge(maxBodyBytes);
      }
      return dispatch.run(request);
    } finally {
      inFlight.decrementAndGet();
      signalIfClosed();
    }
  }

  /**
   * Reads a delivery's body from a stream and handles it. When the {@code Content-Length} header is
   * over the size limit (the parser's {@link WebhookParser#maxBodyBytes()}), 413 is answered
   * without reading the body; otherwise reading stops at the first byte past the limit. The stream
   * is not closed.
   *
   * <p>Whether the sender sees a 413 depends on the server around this call. Get the body stream
   * only after this check could have refused the delivery by its headers: a servlet container sends
   * {@code 100 Continue} to an {@code Expect: 100-continue} client once {@code getInputStream()} is
   * called (Jetty 12 does), which invites a body that will be refused. Senders that write their
   * whole body before reading the answer (Python's {@code http.client}, many provider SDKs) receive
   * the 413 only if the server reads and discards the unread body before closing; closing with
   * unread bytes resets the connection instead. Tomcat swallows up to {@code maxSwallowSize} (2 MiB
   * by default: raise it above the largest body you refuse); Jetty 12 and the JDK's {@code
   * HttpServer} do not, so read and discard a bounded amount yourself, and bound that in time too
   * (an idle timeout or a minimum data rate), since a client may declare a large body and never
   * send it. In a servlet, discard before writing the 413: once a servlet response is complete,
   * Tomcat 11 closes the request's stream and Jetty 12 may fail the next read. {@code
   * voicehooks-servlet}'s {@code WebhookServlet} and the examples' {@code serve} receiver do all of
   * this.
   *
   * <p>This form passes no request target: a {@link SharedSecretVerifier#queryParameter URL-secret
   * check} refuses every delivery it handles. Use {@link #handle(String, WebhookHeaders,
   * InputStream)} where the URL carries the secret.
   *
   * @param headers the delivery's headers
   * @param body the body stream as the server provides it
   * @return the answer for the sender
   */
  public WebhookResponse handle(WebhookHeaders headers, InputStream body) {
    return read(null, headers, body);
  }

  /**
   * Reads a delivery's body from a stream and handles it, as {@link #handle(WebhookHeaders,
   * InputStream)} does, with the request target that URL-secret checks ({@link
   * SharedSecretVerifier#queryParameter}, {@link SharedSecretVerifier#lastPathSegment}) read.
   *
   * @param target the raw request-target of the HTTP request line (path and query, still
   *     percent-encoded), such as {@code /hooks/vaani?token=Zm9v}
   * @param headers the delivery's headers
   * @param body the body stream as the server provides it
   * @return the answer for the sender
   */
  public WebhookResponse handle(String target, WebhookHeaders headers, InputStream body) {
    Objects.requireNonNull(target, "target == null");
    return read(target, headers, body);
  }

  private WebhookResponse read(@Nullable String target, WebhookHeaders headers, InputStream body) {
    Objects.requireNonNull(headers, "headers == null");
    Objects.requireNonNull(body, "body == null");
    if (closed) {
      return CLOSED;
    }
    WebhookRequest request;
    try {
      request =
          target == null
              ? WebhookRequest.read(headers, body, maxBodyBytes)
              : WebhookRequest.read(target, headers, body, maxBodyBytes);
    } catch (PayloadTooLargeException e) {
      return Dispatch.tooLarge(maxBodyBytes);
    } catch (UncheckedIOException e) {
      LOG.debug("Rejected delivery: the body could not be read ({})", e.getCause().getClass());
      return WebhookResponse.error(Outcome.INVALID, "The body could not be read");
    }
    return handle(request);
  }

  /**
   * Returns how much work is unfinished: deliveries being handled right now, plus (in asynchronous
   * mode) accepted events that wait for or run in a background worker.
   *
   * @return the number of unfinished deliveries and events
   */
  public int pending() {
    return inFlight.get() + dispatch.backlog();
  }

  /**
   * Stops accepting deliveries (they get 503) and waits for the work in hand to finish: deliveries
   * being handled on other threads and, in asynchronous mode, accepted background events. The
   * executor belongs to the caller and is not shut down.
   *
   * @param timeout how long to wait
   * @return how many deliveries and events had not finished when the wait ended; 0 when all did
   */
  public int shutdown(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout == null");
    closed = true;
    long deadline = System.nanoTime() + Durations.saturatedNanos(timeout);
    synchronized (drained) {
      while (pending() > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(drained, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    return pending();
  }

  /** Shuts down with the builder's drain timeout, logging how many events were left unfinished. */
  @Override
  public void close() {
    int left = shutdown(drainTimeout);
    if (left > 0) {
      LOG.warn("Closed with {} accepted events still unfinished", left);
    }
  }

  private void signalIfClosed() {
    if (closed) {
      synchronized (drained) {
        drained.notifyAll();
      }
    }
  }

  /**
   * Builds a {@link WebhookHandler}. Not thread-safe; the handler it builds is.
   *
   * @param <E> the provider's event type
   */
  public static final class Builder<E extends WebhookEvent> {
    private final WebhookParser<E> parser;
    private @Nullable Consumer<? super E> listener;
    private @Nullable BiConsumer<? super E, ? super Throwable> onError;
    private @Nullable SignatureVerifier verifier;
    private @Nullable Inbox<? super E> inbox;
    private @Nullable IdempotencyStore store;
    private @Nullable Executor executor;
    private int maxPending = 1_000;
    private Duration processingTimeout = Duration.ofMinutes(10);
    private Duration drainTimeout = Duration.ofSeconds(30);

    private Builder(WebhookParser<E> parser) {
      this.parser = parser;
    }

    /**
     * Sets the code that processes each event once. Required.
     *
     * <p>Provider listeners ({@code AgniEventListener}, ...) are {@code Consumer}s of their events
     * and can be passed directly.
     *
     * @param listener receives each distinct event once
     * @return this builder
     */
    public Builder<E> listener(Consumer<? super E> listener) {
      this.listener = Objects.requireNonNull(listener, "listener == null");
      return this;
    }

    /**
     * Adds a check that runs before parsing, such as {@link SharedSecretVerifier} for providers
     * that sign nothing (for Vaani and cllr, whose senders take only a URL, {@link
     * SharedSecretVerifier#queryParameter}). Parsers of signing providers verify by themselves.
     *
     * @param verifier the check
     * @return this builder
     */
    public Builder<E> verifier(SignatureVerifier verifier) {
      this.verifier = Objects.requireNonNull(verifier, "verifier == null");
      return this;
    }

    /**
     * Sets where claimed and completed keys are kept.
     *
     * @param store the store; default {@link IdempotencyStore#inMemory()}
     * @return this builder
     */
    public Builder<E> idempotencyStore(IdempotencyStore store) {
      this.store = Objects.requireNonNull(store, "store == null");
      return this;
    }

    /**
     * Switches to durable mode: each verified, parsed delivery is stored in the inbox before 200 is
     * answered, and the inbox's workers call the listener, so an acknowledged event survives a
     * crash. Exclusive with {@link #listener}, {@link #executor} and {@link #idempotencyStore}: the
     * inbox de-duplicates by itself.
     *
     * @param inbox the durable inbox
     * @return this builder
     */
    public Builder<E> inbox(Inbox<? super E> inbox) {
      this.inbox = Objects.requireNonNull(inbox, "inbox == null");
      return this;
    }

    /**
     * Switches to asynchronous mode: events are acknowledged at once and processed on this
     * executor. The handler never shuts the executor down.
     *
     * <p>The executor must run every task it accepts, or throw ({@link RejectedExecutionException})
     * when it cannot: the handler then answers 503 and releases the key. An executor that silently
     * drops tasks ({@code ThreadPoolExecutor.DiscardPolicy}, {@code DiscardOldestPolicy}, or {@code
     * CallerRunsPolicy} once shut down) breaks the guarantees: the event was answered 200 and is
     * never processed, its key stays claimed for {@link #processingTimeout}, and {@link
     * WebhookHandler#shutdown} waits for it in vain. Use the default {@code AbortPolicy}, with a
     * bounded queue, or a virtual-thread executor.
     *
     * @param executor runs the listener
     * @return this builder
     * @throws IllegalArgumentException if it is a {@code ThreadPoolExecutor} set to discard tasks
     */
    public Builder<E> executor(Executor executor) {
      Objects.requireNonNull(executor, "executor == null");
      if (executor instanceof ThreadPoolExecutor) {
        RejectedExecutionHandler policy =
            ((ThreadPoolExecutor) executor).getRejectedExecutionHandler();
        if (policy instanceof ThreadPoolExecutor.DiscardPolicy
            || policy instanceof ThreadPoolExecutor.DiscardOldestPolicy) {
          throw new IllegalArgumentException(
              "WebhookHandler executor drops tasks silently ("
                  + policy.getClass().getSimpleName()
                  + "): events answered 200 would never be processed; use AbortPolicy");
        }
      }
      this.executor = executor;
      return this;
    }

    /**
     * Sets how many events may wait for or run in the executor before deliveries get 503.
     *
     * @param maxPending at least 1; default 1,000
     * @return this builder
     */
    public Builder<E> maxPending(int maxPending) {
      if (maxPending < 1) {
        throw new IllegalArgumentException("maxPending must be at least 1");
      }
      this.maxPending = maxPending;
      return this;
    }

    /**
     * Sets how long a claim holds while its event is processed: if the process dies mid-way, the
     * key is free again after this long, so the provider's next retry is processed. A delivery
     * still running when its lease runs out no longer owns the key: if a retry claims it meanwhile,
     * the first delivery's completion or failure changes nothing in the store.
     *
     * <p>In asynchronous mode the lease starts when the event is queued: it must cover the wait in
     * the queue as well as the listener, or a retry arriving after it runs out is processed again.
     *
     * @param processingTimeout positive; default 10 minutes
     * @return this builder
     */
    public Builder<E> processingTimeout(Duration processingTimeout) {
      Objects.requireNonNull(processingTimeout, "processingTimeout == null");
      if (processingTimeout.isNegative() || processingTimeout.isZero()) {
        throw new IllegalArgumentException("processingTimeout must be positive");
      }
      this.processingTimeout = processingTimeout;
      return this;
    }

    /**
     * Sets how long {@link WebhookHandler#close()} waits for pending background events.
     *
     * @param drainTimeout zero or more; default 30 seconds
     * @return this builder
     */
    public Builder<E> drainTimeout(Duration drainTimeout) {
      Objects.requireNonNull(drainTimeout, "drainTimeout == null");
      if (drainTimeout.isNegative()) {
        throw new IllegalArgumentException("drainTimeout must not be negative");
      }
      this.drainTimeout = drainTimeout;
      return this;
    }

    /**
     * Sets a callback for listener failures in asynchronous mode, after the key was released: the
     * place to park the event somewhere durable.
     *
     * @param onError receives the event and the failure
     * @return this builder
     */
    public Builder<E> onError(BiConsumer<? super E, ? super Throwable> onError) {
      this.onError = Objects.requireNonNull(onError, "onError == null");
      return this;
    }

    /**
     * Builds the handler.
     *
     * @return the handler
     * @throws IllegalStateException if neither a listener nor an inbox was set, or an inbox was set
     *     together with a listener, an executor or an idempotency store
     */
    public WebhookHandler build() {
      if (inbox != null) {
        if (listener != null || executor != null || store != null) {
          throw new IllegalStateException(
              "WebhookHandler with an inbox takes no listener, executor or idempotencyStore: the"
                  + " inbox's workers call its own listener and it de-duplicates by itself");
        }
      } else if (listener == null) {
        throw new IllegalStateException(
            "WebhookHandler needs a listener: WebhookHandler.builder(parser).listener(event ->"
                + " ...), or inbox(...) for durable mode");
      }
      return new WebhookHandler(this);
    }

    /** Chooses the mode: durable with an inbox, asynchronous with an executor, else synchronous. */
    private Dispatch<E> dispatch(Runnable onBackgroundFinished) {
      SignatureVerifier check = verifier != null ? verifier : request -> {};
      if (inbox != null) {
        return new DurableDispatch<>(parser, check, inbox);
      }
      Consumer<? super E> process = Objects.requireNonNull(listener);
      IdempotencyStore keys = store != null ? store : IdempotencyStore.inMemory();
      if (executor == null) {
        return new SynchronousDispatch<>(parser, check, process, keys, processingTimeout);
      }
      return new AsynchronousDispatch<>(
          parser,
          check,
          process,
          keys,
          processingTimeout,
          executor,
          maxPending,
          onError != null ? onError : (event, failure) -> {},
          onBackgroundFinished);
    }
  }
}
