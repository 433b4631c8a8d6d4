package io.voicehooks.benchmarks;

import com.svix.Webhook;
import com.svix.exceptions.EmptyWebhookSecretException;
import com.svix.exceptions.WebhookVerificationException;
import io.voicehooks.core.SvixSignatureVerifier;
import io.voicehooks.core.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Standard Webhooks (Svix) signature verification of one delivery, three ways over the same bytes:
 *
 * <ul>
 *   <li>{@code voicehooks}: {@link SvixSignatureVerifier#verify(WebhookRequest)}, default
 *       tolerance;
 *   <li>{@code svix}: the official {@code com.svix:svix} {@code Webhook.verify(String, Map)}, given
 *       the body already decoded to a {@code String} and the headers already in a map (both made in
 *       setup, which favours svix: a server holding bytes would have to decode them first);
 *   <li>{@code bareMac}: the floor, an HMAC-SHA256 keyed once in setup and fed {@code id}, {@code
 *       '.'}, {@code timestamp}, {@code '.'}, body with {@code update()} calls: no header parsing,
 *       no signature decoding, no comparison.
 * </ul>
 *
 * <p>Bodies: the documented Agni {@code call.completed} (about 2 KB) and the generated 500-turn
 * call (about 200 KB), signed with the current time when the trial starts; both verifiers'
 * five-minute timestamp tolerance passes as long as one trial is shorter than that.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class VerifyBenchmark {
  @Param({"2KB", "200KB"})
  public String size;

  private byte[] body;
  private SvixSignatureVerifier verifier;
  private Webhook svix;
  private Mac mac;

  private WebhookRequest request;
  private String bodyString;
  private Map<String, List<String>> headerMap;
  private byte[] idBytes;
  private byte[] timestampBytes;

  /** Reads the body and builds the verifiers. */
  @Setup(Level.Trial)
  public void setUpTrial() throws WebhookVerificationException {
    switch (size) {
      case "2KB":
        body = Payloads.agniCallCompleted();
        break;
      case "200KB":
        body = Payloads.agniLongCall();
        break;
      default:
        throw new IllegalArgumentException("size " + size);
    }
    verifier = SvixSignatureVerifier.builder().secret(Signed.SECRET).build();
    svix = newSvix();
    mac = newMac();
    signNow();
  }

  /**
   * Signs the delivery with the current time, and checks that all three accept it. Once per trial:
   * what a setup allocates is counted in the iteration it runs in, so a per-iteration setup would
   * inflate bytes/op. A trial (one fork of one size) must therefore finish within the five-minute
   * timestamp tolerance, which svix does not let callers change.
   */
  private void signNow() throws WebhookVerificationException {
    Signed signed = Signed.now("msg_2KWPBgLlAfxdpx2AI54pPJ85f1W", body);
    request = signed.request();
    bodyString = signed.bodyString();
    headerMap = signed.headerMap();
    idBytes = signed.id.getBytes(StandardCharsets.UTF_8);
    timestampBytes = signed.timestamp.getBytes(StandardCharsets.UTF_8);
    verifier.verify(request);
    svix.verify(bodyString, headerMap);
    String expected = signed.signature.substring("v1,".length());
    if (!expected.equals(Base64.getEncoder().encodeToString(bareMac()))) {
      throw new IllegalStateException("The bare MAC does not compute the delivery's signature");
    }
  }

  @Benchmark
  public WebhookRequest voicehooks() {
    verifier.verify(request);
    return request;
  }

  @Benchmark
  public String svix() throws WebhookVerificationException {
    svix.verify(bodyString, headerMap);
    return bodyString;
  }

  @Benchmark
  public byte[] bareMac() {
    mac.update(idBytes);
    mac.update((byte) '.');
    mac.update(timestampBytes);
    mac.update((byte) '.');
    mac.update(body);
    return mac.doFinal();
  }

  private static Webhook newSvix() {
    try {
      return new Webhook(Signed.SECRET);
    } catch (EmptyWebhookSecretException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Signed.secretKey(), "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
