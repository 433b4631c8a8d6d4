package io.voicehooks.testing;

import io.voicehooks.core.WebhookHeaders;
import io.voicehooks.core.WebhookRequest;
import io.voicehooks.core.internal.Digests;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One delivery a provider would send: the JSON body bytes and the HTTP headers, with the facts a
 * test asserts on (provider, event type, the id the receiver de-duplicates on).
 *
 * <pre>{@code
 * Sample sample = Samples.agni().callCompleted().callSessionId("cs-1").build();
 * WebhookResponse answer = handler.handle(sample.toRequest());
 * }</pre>
 *
 * <p>The headers hold {@code Content-Type: application/json} and, for a signed sample, the three
 * Svix signature headers. Transport headers ({@code User-Agent}) are added by {@link
 * WebhookSimulator}.
 *
 * <p>Instances are immutable and thread-safe; {@link #body()} returns a copy. {@link #toString()}
 * shows the provider, event type, id and body length, never the body.
 */
public final class Sample {
  private final Provider provider;
  private final String eventType;
  private final String id;
  private final WebhookHeaders headers;
  private final byte[] body;
  private final @Nullable SvixSigner signer;

  private Sample(
      Provider provider,
      String eventType,
      String id,
      WebhookHeaders headers,
      byte[] body,
      @Nullable SvixSigner signer) {
    this.provider = provider;
    this.eventType = eventType;
    this.id = id;
    this.headers = headers;
    this.body = body;
    this.signer = signer;
  }

  /**
   * Returns a sample with a body of your own, for deliveries the builders in {@link Samples} do not
   * produce (a malformed body, a future event type).
   *
   * @param provider the provider that would send it
   * @param eventType the event type, empty when the body carries none
   * @param id the id the receiver de-duplicates on, empty when the body carries none
   * @param headers the headers to send
   * @param body the body bytes, copied
   * @return the sample
   */
  public static Sample of(
      Provider provider, String eventType, String id, WebhookHeaders headers, byte[] body) {
    Objects.requireNonNull(provider, "provider == null");
    Objects.requireNonNull(eventType, "eventType == null");
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(headers, "headers == null");
    Objects.requireNonNull(body, "body == null");
    return new Sample(provider, eventType, id, headers, body.clone(), null);
  }

  /** Creates a JSON sample from bytes this package produced; the array is not copied. */
  static Sample json(Provider provider, String eventType, String id, byte[] body) {
    return new Sample(provider, eventType, id, jsonHeaders(), body, null);
  }

  static WebhookHeaders jsonHeaders() {
    return WebhookHeaders.of("Content-Type", "application/json");
  }

  /** {@return the provider that would send this delivery} */
  public Provider provider() {
    return provider;
  }

  /**
   * {@return the event type: the {@code event} field (Agni, Vaani), the {@code eventType} field
   * (Agntix), or {@code "post_call"} for cllr, which sends no type field}
   */
  public String eventType() {
    return eventType;
  }

  /**
   * {@return the id receivers de-duplicate on: Agni {@code data.call_session_id}, Vaani {@code
   * room_name}, Agntix {@code id} (the session), cllr {@code callId}; empty when absent}
   */
  public String id() {
    return id;
  }

  /**
   * Returns the key the VoiceHooks parsers derive for this delivery, {@code <provider>:<event
   * type>:<identity>}:
   *
   * <ul>
   *   <li>Agni {@code agni:call.completed:<call_session_id>};
   *   <li>Vaani {@code vaani:<event>:<room_name>}, and for the three transfer events {@code
   *       vaani:<event>:<room_name>:<digest>}, the digest covering their other declared fields;
   *   <li>Agntix {@code agntix:<eventType>:<id>};
   *   <li>cllr {@code cllr:post_call:<callId>};
   *   <li>an event type the SDK does not model: {@code <provider>:<type>:<sha-256 of the body>}.
   * </ul>
   *
   * @return the key
   */
  public String idempotencyKey() {
    String prefix = provider.id() + ":" + eventType + ":";
    if (!modelled()) {
      return prefix + Digests.sha256Hex(bodyAsString());
    }
    String attempt =
        provider == Provider.VAANI ? VaaniSamples.attemptDigest(eventType, body) : null;
    return attempt == null ? prefix + id : prefix + id + ":" + attempt;
  }

  /** Whether the SDK parses this sample's event type into a record of its own. */
  private boolean modelled() {
    switch (provider) {
      case AGNI:
        return AgniSamples.CALL_COMPLETED.equals(eventType);
      case VAANI:
        return VaaniSamples.EVENT_TYPES.contains(eventType);
      case AGNTIX:
        return AgntixSamples.SESSION_CREATED.equals(eventType)
            || AgntixSamples.SESSION_ENDED.equals(eventType);
      default:
        return true; // cllr sends one kind only, which has no type field
    }
  }

  /** {@return the headers of the delivery} */
  public WebhookHeaders headers() {
    return headers;
  }

  /** {@return a copy of the body bytes} */
  public byte[] body() {
    return body.clone();
  }

  /** {@return the body length in bytes} */
  public int bodyLength() {
    return body.length;
  }

  /** {@return the body decoded as UTF-8} */
  public String bodyAsString() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * {@return the Svix message id ({@code svix-id} or {@code webhook-id}) of a signed sample, or
   * null when it is unsigned}
   */
  public @Nullable String messageId() {
    String value = headers.first("svix-id");
    return value != null ? value : headers.first("webhook-id");
  }

  /** {@return whether the sample carries signature headers from a {@link SvixSigner}} */
  public boolean signed() {
    return signer != null;
  }

  /** {@return the signer of a signed sample, used by the simulator to re-sign each attempt} */
  @Nullable SvixSigner signer() {
    return signer;
  }

  /** {@return this delivery as a core request, received now} */
  public WebhookRequest toRequest() {
    return WebhookRequest.of(headers, body);
  }

  /**
   * Returns this delivery as a core request received now at a given request target, the way a
   * server adapter passes it: for handlers that check a secret in the URL.
   *
   * <pre>{@code
   * handler.handle(sample.toRequest("/hooks/vaani?token=" + secret));
   * }</pre>
   *
   * @param target the raw request-target (path and query, percent-encoded), such as {@code
   *     /hooks/vaani?token=Zm9v}
   * @return the request
   */
  public WebhookRequest toRequest(String target) {
    return WebhookRequest.of(target, headers, body);
  }

  /**
   * Returns this delivery as a core request received at a given time.
   *
   * @param receivedAt the time of receipt
   * @return the request
   */
  public WebhookRequest toRequest(Instant receivedAt) {
    return WebhookRequest.of(headers, body, receivedAt);
  }

  /**
   * Returns a copy signed under a new message id, stamped now. Any signature headers already
   * present are replaced.
   *
   * @param signer the signer
   * @return the signed sample
   */
  public Sample signedWith(SvixSigner signer) {
    Objects.requireNonNull(signer, "signer == null");
    return signedWith(signer, SvixSigner.newMessageId(), Instant.now());
  }

  /**
   * Returns a copy signed under a given message id and timestamp. Any signature headers already
   * present are replaced.
   *
   * @param signer the signer
   * @param msgId the message id
   * @param timestamp the signature timestamp; a receiver rejects it when it is more than its
   *     tolerance (usually five minutes) away from its clock
   * @return the signed sample
   */
  public Sample signedWith(SvixSigner signer, String msgId, Instant timestamp) {
    Objects.requireNonNull(signer, "signer == null");
    WebhookHeaders merged = merge(unsigned(headers), signer.sign(msgId, timestamp, body));
    return new Sample(provider, eventType, id, merged, body, signer);
  }

  /**
   * Returns a copy with other headers; the copy is unsigned unless the new headers carry signatures
   * of their own.
   *
   * @param headers the headers
   * @return the sample
   */
  public Sample withHeaders(WebhookHeaders headers) {
    Objects.requireNonNull(headers, "headers == null");
    return new Sample(provider, eventType, id, headers, body, null);
  }

  /**
   * Returns a copy with one header set, replacing the values it had: {@code
   * sample.withHeader("Authorization", "Bearer " + token)}. The copy stays signed unless the header
   * is a signature header ({@code svix-*}, {@code webhook-*}), which it then carries as given.
   *
   * @param name the header name, in any case
   * @param value the value
   * @return the sample
   */
  public Sample withHeader(String name, String value) {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(value, "value == null");
    WebhookHeaders merged = merge(headers.asMap(), WebhookHeaders.of(name, value));
    boolean keepsSignature = !isSignatureHeader(name.toLowerCase(Locale.ROOT));
    return new Sample(provider, eventType, id, merged, body, keepsSignature ? signer : null);
  }

  static boolean isSignatureHeader(String lowerCaseName) {
    return lowerCaseName.startsWith("svix-") || lowerCaseName.startsWith("webhook-");
  }

  static Map<String, List<String>> unsigned(WebhookHeaders headers) {
    Map<String, List<String>> copy = new LinkedHashMap<>(headers.asMap());
    copy.keySet().removeIf(name -> isSignatureHeader(name.toLowerCase(Locale.ROOT)));
    return copy;
  }

  static WebhookHeaders merge(Map<String, List<String>> base, WebhookHeaders extra) {
    Map<String, List<String>> all = new LinkedHashMap<>(base);
    all.putAll(extra.asMap());
    return WebhookHeaders.of(all);
  }

  /** Compares provider, event type, id, headers and body bytes. */
  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof Sample)) {
      return false;
    }
    Sample other = (Sample) o;
    return provider == other.provider
        && eventType.equals(other.eventType)
        && id.equals(other.id)
        && headers.equals(other.headers)
        && Arrays.equals(body, other.body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(provider, eventType, id, headers, Arrays.hashCode(body));
  }

  /** Shows provider, event type, id and body length; never the body or header values. */
  @Override
  public String toString() {
    return "Sample["
        + provider.id()
        + " "
        + eventType
        + ", id="
        + id
        + ", bodyLength="
        + body.length
        + ", headers="
        + headers.names()
        + "]";
  }
}
