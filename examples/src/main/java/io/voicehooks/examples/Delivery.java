package io.voicehooks.examples;

import io.voicehooks.core.WebhookHandler;
import io.voicehooks.core.WebhookHeaders;
import io.voicehooks.core.WebhookRequest;
import io.voicehooks.core.WebhookResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code POST} to a webhook route: reads the body without holding a thread while bytes are
 * awaited, enforces the size limit and the minimum body rate, hands the complete body to the {@link
 * WebhookHandler}, and writes its answer.
 *
 * <p>A refused request (413, 431, 408) is answered at once with {@code Connection: close}. For 413
 * and 431 the rest of the body, up to {@link ServerLimits#maxSwallowBytes()}, is then read and
 * discarded: a client that writes its whole body before it reads (Python's {@code http.client},
 * many SDKs) would otherwise get a TCP reset, which destroys the answer it has not read yet. A
 * declared {@code Content-Length} over the limit is refused before anything is read, so no {@code
 * 100 Continue} is sent for it, and nothing is swallowed for a client that waits for one.
 *
 * <p>The reading side runs on Jetty's demand callbacks (one at a time) and on a scheduler timer
 * (the rate check); the fields they share are guarded by {@code this}.
 */
final class Delivery implements Runnable {
  private static final Logger LOG =
      LoggerFactory.getLogger(WebhookServer.class); // one log for serve
  private static final String JSON = "application/json";

  private enum Phase {
    /** Collecting the body for the handler. */
    READING,
    /** Answered with a refusal; reading and discarding what the client still sends. */
    SWALLOWING,
    /** Nothing more is read. */
    DONE
  }

  private final Request request;
  private final Response response;
  private final Callback callback;
  private final String path;
  private final WebhookHandler handler;
  private final ServerLimits limits;
  private final Scheduler scheduler;
  private final long startNanos = System.nanoTime();

  private Phase phase = Phase.READING; // guarded by this
  private byte[] body = new byte[0]; // guarded by this
  private long received; // guarded by this
  private Scheduler.@Nullable Task rateCheck; // guarded by this
  private boolean answering; // guarded by this: a refusal is being written
  private boolean answered; // guarded by this: ... and the write has finished
  private @Nullable Throwable answerFailure; // guarded by this
  private boolean completed; // guarded by this

  Delivery(
      Request request,
      Response response,
      Callback callback,
      String path,
      WebhookHandler handler,
      ServerLimits limits,
      Scheduler scheduler) {
    this.request = request;
    this.response = response;
    this.callback = callback;
    this.path = path;
    this.handler = handler;
    this.limits = limits;
    this.scheduler = scheduler;
  }

  /** Starts reading, or refuses the request on its headers alone. */
  void start() {
    long declared = request.getLength();
    if (request.getHeaders().size() > limits.maxHeaderCount()) {
      refuse(431, "Too many header fields; the limit is " + limits.maxHeaderCount());
      swallowOrStop(declared);
      return;
    }
    if (declared > limits.maxBodyBytes()) {
      // Before reading anything: Jetty sends "100 Continue" only when the body is first read.
      refuse(413, "Body exceeds the limit of " + limits.maxBodyBytes() + " bytes");
      swallowOrStop(declared);
      return;
    }
    synchronized (this) {
      body = new byte[(int) Math.max(declared, 0)];
      scheduleRateCheck();
    }
    run();
  }

  /** Reads what has arrived; asks to be called again when more does. */
  @Override
  public void run() {
    while (true) {
      synchronized (this) {
        if (phase == Phase.DONE) {
          return;
        }
      }
      Content.Chunk chunk = request.read();
      if (chunk == null) {
        request.demand(this);
        return;
      }
      if (Content.Chunk.isFailure(chunk)) {
        readFailed(chunk.getFailure());
        return;
      }
      boolean last = chunk.isLast();
      boolean refuse = false;
      boolean stop = false;
      synchronized (this) {
        if (phase == Phase.DONE) {
          chunk.release();
          return;
        }
        ByteBuffer bytes = chunk.getByteBuffer();
        int n = bytes.remaining();
        received += n;
        if (phase == Phase.READING) {
          if (received > limits.maxBodyBytes()) {
            refuse = true;
            phase = Phase.SWALLOWING;
            body = new byte[0];
          } else {
            append(bytes, n);
          }
        }
        if (phase == Phase.SWALLOWING && (last || received > limits.maxSwallowBytes())) {
          stop = true;
        }
      }
      chunk.release();
      if (refuse) {
        refuse(413, "Body exceeds the limit of " + limits.maxBodyBytes() + " bytes");
      }
      if (stop) {
        stop();
        return;
      }
      if (last) {
        process();
        return;
      }
    }
  }

  private void append(ByteBuffer bytes, int n) {
    int at = (int) (received - n);
    if (body.length < received) {
      body =
          Arrays.copyOf(body, (int) Math.min(limits.maxBodyBytes(), Math.max(received, 2L * at)));
    }
    bytes.get(body, at, n);
  }

  /** After a refusal: swallow the declared body if it is small enough, or stop reading. */
  private void swallowOrStop(long declared) {
    boolean expectsContinue =
        request.getHeaders().contains(HttpHeader.EXPECT, HttpHeaderValue.CONTINUE.asString());
    if (expectsContinue || declared == 0 || declared > limits.maxSwallowBytes()) {
      // Reading would send "100 Continue" for a body that is refused anyway; or there is no body;
      // or it is too large to swallow. Closing after the answer is all that is left.
      stop();
      return;
    }
    synchronized (this) {
      phase = Phase.SWALLOWING;
      scheduleRateCheck();
    }
    run();
  }

  private void process() {
    byte[] complete;
    synchronized (this) {
      if (phase != Phase.READING) {
        return;
      }
      phase = Phase.DONE;
      cancelRateCheck();
      complete = body.length == received ? body : Arrays.copyOf(body, (int) received);
      body = new byte[0];
    }
    WebhookResponse answer;
    try {
      // The raw path and query: the Vaani and cllr secrets ride in the query.
      String target = request.getHttpURI().getPathQuery();
      answer = handler.handle(WebhookRequest.of(target, headers(request), complete));
    } catch (RuntimeException e) {
      LOG.error("POST {} failed unexpectedly ({})", path, e.getClass().getName());
      write(500, JSON, json("Internal error; retry later"), false, callback);
      return;
    }
    if (answer.status() >= 400) {
      // The handler's error bodies name the failed check or field, never a value.
      LOG.info("POST {} -> {} {}", path, answer.status(), answer.body());
    } else {
      LOG.info("POST {} -> {} {}", path, answer.status(), answer.outcome());
    }
    write(answer.status(), answer.contentType(), answer.bodyBytes(), false, callback);
  }

  private void readFailed(Throwable failure) {
    boolean timedOut = failure instanceof TimeoutException;
    boolean reading;
    synchronized (this) {
      reading = phase == Phase.READING;
    }
    if (reading && timedOut) {
      refuse(408, "The body stalled: nothing arrived within the idle timeout");
      stop();
    } else if (reading) {
      LOG.debug("POST {}: the body could not be read ({})", path, failure.getClass().getName());
      synchronized (this) {
        phase = Phase.DONE;
        cancelRateCheck();
        completed = true;
      }
      callback.failed(failure);
    } else {
      stop();
    }
  }

  /** Answers with an error and {@code Connection: close}; reading may go on to swallow the body. */
  private void refuse(int status, String message) {
    synchronized (this) {
      if (answering) {
        return;
      }
      answering = true;
    }
    LOG.info("POST {} -> {} {}", path, status, message);
    write(
        status,
        JSON,
        json(message),
        true,
        Callback.from(() -> answerWritten(null), failure -> answerWritten(failure)));
  }

  private void answerWritten(@Nullable Throwable failure) {
    boolean finish;
    synchronized (this) {
      answered = true;
      answerFailure = failure;
      finish = phase == Phase.DONE;
    }
    if (finish) {
      complete();
    }
  }

  /** Stops reading; the exchange completes once the refusal (if any) is written. */
  private void stop() {
    boolean finish;
    synchronized (this) {
      phase = Phase.DONE;
      cancelRateCheck();
      finish = !answering || answered;
    }
    if (finish) {
      complete();
    }
  }

  private void complete() {
    Throwable failure;
    synchronized (this) {
      if (completed) {
        return;
      }
      completed = true;
      failure = answerFailure;
    }
    if (failure == null) {
      callback.succeeded();
    } else {
      callback.failed(failure);
    }
  }

  // The rate check: after the header timeout, the body must average minBodyRate bytes per second.

  private void scheduleRateCheck() {
    if (limits.minBodyRate() == 0) {
      return;
    }
    // When the bytes received so far stop being enough.
    long dueNanos =
        limits.headerTimeout().toNanos()
            + (long) Math.ceil((received + 1) * 1e9 / limits.minBodyRate());
    long delay = Math.max(1, startNanos + dueNanos - System.nanoTime());
    rateCheck = scheduler.schedule(this::checkRate, delay, TimeUnit.NANOSECONDS);
  }

  private void cancelRateCheck() {
    if (rateCheck != null) {
      rateCheck.cancel();
      rateCheck = null;
    }
  }

  private void checkRate() {
    Phase now;
    synchronized (this) {
      rateCheck = null;
      now = phase;
      if (now == Phase.DONE) {
        return;
      }
      long elapsed = System.nanoTime() - startNanos - limits.headerTimeout().toNanos();
      double required = Math.max(0, elapsed) / 1e9 * limits.minBodyRate();
      if (received >= required) {
        scheduleRateCheck();
        return;
      }
    }
    if (now == Phase.READING) {
      refuse(408, "The body arrived slower than " + limits.minBodyRate() + " bytes per second");
    }
    stop();
  }

  private void write(int status, String contentType, byte[] content, boolean close, Callback then) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, content.length);
    if (close) {
      response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
    }
    response.write(true, ByteBuffer.wrap(content), then);
  }

  static byte[] json(String error) {
    // Messages here are fixed text and numbers: nothing to escape.
    return ("{\"error\":\"" + error + "\"}").getBytes(StandardCharsets.UTF_8);
  }

  static WebhookHeaders headers(Request request) {
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (HttpField field : request.getHeaders()) {
      headers.computeIfAbsent(field.getName(), name -> new ArrayList<>()).add(field.getValue());
    }
    return WebhookHeaders.of(headers);
  }
}
