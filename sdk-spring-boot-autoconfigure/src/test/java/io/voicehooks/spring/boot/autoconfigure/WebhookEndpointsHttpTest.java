package io.voicehooks.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.voicehooks.core.WebhookHandler;
import io.voicehooks.core.WebhookHeaders;
import io.voicehooks.core.WebhookRequest;
import io.voicehooks.core.WebhookResponse;
import io.voicehooks.testing.AgniSamples;
import io.voicehooks.testing.AgntixSamples;
import io.voicehooks.testing.Attempt;
import io.voicehooks.testing.CllrSamples;
import io.voicehooks.testing.DeliveryPolicy;
import io.voicehooks.testing.DeliveryReport;
import io.voicehooks.testing.Provider;
import io.voicehooks.testing.Sample;
import io.voicehooks.testing.Samples;
import io.voicehooks.testing.SvixSigner;
import io.voicehooks.testing.VaaniSamples;
import io.voicehooks.testing.WebhookSimulator;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The starter in a real Spring Boot application on embedded Tomcat, fed over HTTP by the delivery
 * simulator with real signatures: Agni by org id, Vaani by a secret in the query, Agntix by Svix
 * signatures, cllr by a secret as the last path segment.
 */
@SpringBootTest(
    classes = WebhookEndpointsHttpTest.ReceiverApplication.class,
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "voicehooks.agni.org-ids=" + AgniSamples.DEFAULT_ORG_ID,
      "voicehooks.vaani.shared-secret=vaani-secret-1,vaani-secret-2",
      "voicehooks.cllr.shared-secret=cllr-secret",
      "voicehooks.cllr.shared-secret-scheme=path",
      "voicehooks.cllr.path=/hooks/cllr"
    })
@Timeout(60)
class WebhookEndpointsHttpTest {
  static final String SECRET = SvixSigner.generateSecret();
  static final SvixSigner SIGNER = SvixSigner.withSecret(SECRET);

  @DynamicPropertySource
  static void agntixSecret(DynamicPropertyRegistry registry) {
    registry.add("voicehooks.agntix.secrets", () -> SECRET);
  }

  @SpringBootConfiguration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  @Import(Received.Listeners.class)
  static class ReceiverApplication {}

  @LocalServerPort int port;
  @Autowired Received received;

  @Autowired
  @Qualifier("agniWebhookHandler")
  WebhookHandler agniWebhookHandler;

  private final WebhookSimulator simulator = WebhookSimulator.create();
  private final HttpClient http = HttpClient.newHttpClient();

  URI agni() {
    return URI.create("http://127.0.0.1:" + port + "/webhooks/agni");
  }

  URI vaani(String token) {
    return URI.create("http://127.0.0.1:" + port + "/webhooks/vaani" + token);
  }

  URI agntix() {
    return URI.create("http://127.0.0.1:" + port + "/webhooks/agntix");
  }

  URI cllr(String suffix) {
    return URI.create("http://127.0.0.1:" + port + "/hooks/cllr" + suffix);
  }

  URI target(Sample sample) {
    return switch (sample.provider()) {
      case AGNI -> agni();
      case VAANI -> vaani("?token=vaani-secret-2");
      case AGNTIX -> agntix();
      case CLLR -> cllr("/cllr-secret");
    };
  }

  static DeliveryPolicy once(Provider provider) {
    return DeliveryPolicy.forProvider(provider).withoutRetries();
  }

  static List<Integer> statuses(DeliveryReport report) {
    return report.attempts().stream().map(Attempt::status).collect(Collectors.toList());
  }

  @Test
  void everySampleOfEveryProviderIsProcessedOnceByListenerBeansAndEventListeners() {
    List<Sample> samples = new ArrayList<>();
    for (Sample sample : Samples.all()) {
      samples.add(sample.provider() == Provider.AGNTIX ? sample.signedWith(SIGNER) : sample);
    }
    assertThat(samples).hasSize(15);

    for (Sample sample : samples) {
      DeliveryReport report = simulator.deliver(target(sample), sample);
      assertThat(statuses(report)).as(sample.toString()).containsExactly(200);
    }

    // One @EventListener for the end of a call from any provider.
    assertThat(received.finishedCalls)
        .contains(
            "agni:" + AgniSamples.DEFAULT_CALL_SESSION_ID,
            "vaani:" + VaaniSamples.DEFAULT_ROOM_NAME,
            "agntix:" + AgntixSamples.DEFAULT_SESSION_ID,
            "cllr:" + CllrSamples.DEFAULT_CALL_ID);
    for (Sample sample : samples) {
      assertThat(received.listenerBeans(sample.idempotencyKey()))
          .as(sample.idempotencyKey())
          .isEqualTo(1);
      assertThat(received.eventListener(sample.idempotencyKey()))
          .as(sample.idempotencyKey())
          .isEqualTo(1);
    }
  }

  @Test
  void aDuplicateDeliveryIsProcessedOnce() {
    Sample sample =
        Samples.agni().callCompleted().callSessionId(UUID.randomUUID().toString()).build();

    DeliveryReport first = simulator.deliver(agni(), sample);
    DeliveryReport second = simulator.deliver(agni(), sample);

    assertThat(statuses(first)).containsExactly(200);
    assertThat(statuses(second)).containsExactly(200);
    assertThat(second.lastAttempt().responseBody()).contains("duplicate");
    assertThat(received.listenerBeans(sample.idempotencyKey())).isEqualTo(1);
    assertThat(received.eventListener(sample.idempotencyKey())).isEqualTo(1);
  }

  @Test
  void listenerBeansRunInTheirOrderThenTheApplicationEvent() {
    String sessionId = UUID.randomUUID().toString();
    Sample sample = Samples.agntix().sessionEnded().sessionId(sessionId).signedWith(SIGNER).build();

    assertThat(statuses(simulator.deliver(agntix(), sample))).containsExactly(200);

    String key = sample.idempotencyKey();
    assertThat(received.calls.stream().filter(call -> call.endsWith(":" + key)))
        .containsExactly("agntix-audit:" + key, "agntix:" + key, "event:" + key);
  }

  @Test
  void aFailingListenerAnswers500AndTheProvidersRetryIsProcessed() {
    Sample sample =
        Samples.agni().callCompleted().callSessionId(UUID.randomUUID().toString()).build();
    received.failFirst.put(sample.idempotencyKey(), new AtomicInteger());

    DeliveryReport report = simulator.deliver(agni(), sample);

    assertThat(statuses(report)).containsExactly(500, 200);
    assertThat(received.listenerBeans(sample.idempotencyKey())).isEqualTo(1);
    // The application event comes after the listener beans: the failed attempt never published it.
    assertThat(received.eventListener(sample.idempotencyKey())).isEqualTo(1);
  }

  @Test
  void aForgedAgntixSignatureIsRefusedWith401() {
    SvixSigner forger = SvixSigner.withSecret(SvixSigner.generateSecret());
    Sample sample =
        Samples.agntix()
            .sessionEnded()
            .sessionId(UUID.randomUUID().toString())
            .signedWith(forger)
            .build();

    DeliveryReport report = simulator.deliver(agntix(), sample, once(Provider.AGNTIX));

    assertThat(statuses(report)).containsExactly(401);
    assertThat(received.listenerBeans(sample.idempotencyKey())).isZero();
  }

  @Test
  void anAgniDeliveryForAnotherOrganisationIsRefusedWith401() {
    Sample sample =
        Samples.agni()
            .callCompleted()
            .callSessionId(UUID.randomUUID().toString())
            .orgId(UUID.randomUUID().toString())
            .build();

    DeliveryReport report = simulator.deliver(agni(), sample, once(Provider.AGNI));

    assertThat(statuses(report)).containsExactly(401);
    assertThat(received.listenerBeans(sample.idempotencyKey())).isZero();
  }

  @Test
  void vaaniWithoutOrWithAWrongUrlSecretIsRefusedWith401() {
    Sample sample = Samples.vaani().callStarted().roomName("room-" + UUID.randomUUID()).build();

    assertThat(statuses(simulator.deliver(vaani(""), sample, once(Provider.VAANI))))
        .containsExactly(401);
    assertThat(statuses(simulator.deliver(vaani("?token=wrong"), sample, once(Provider.VAANI))))
        .containsExactly(401);
    assertThat(received.listenerBeans(sample.idempotencyKey())).isZero();
    // The first of two rotated secrets is accepted too.
    assertThat(
            statuses(
                simulator.deliver(vaani("?token=vaani-secret-1"), sample, once(Provider.VAANI))))
        .containsExactly(200);
    assertThat(received.listenerBeans(sample.idempotencyKey())).isEqualTo(1);
  }

  @Test
  void cllrWithoutOrWithAWrongPathSecretIsRefusedWith401() {
    Sample sample =
        Samples.cllr().postCall().callId(UUID.randomUUID().toString().replace("-", "")).build();

    assertThat(statuses(simulator.deliver(cllr(""), sample, once(Provider.CLLR))))
        .containsExactly(401);
    assertThat(statuses(simulator.deliver(cllr("/wrong"), sample, once(Provider.CLLR))))
        .containsExactly(401);
    assertThat(received.listenerBeans(sample.idempotencyKey())).isZero();
  }

  @Test
  void aBodyOverTheLimitIsAnswered413FromContentLengthBeforeAnyByteIsSent() throws Exception {
    long declared = 6L << 20;
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /webhooks/agni HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                  + "Content-Length: "
                  + declared
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      // Not one byte of the body is sent: an endpoint that read it would wait until the timeout.
      String response = readHead(socket.getInputStream());
      assertThat(response).startsWith("HTTP/1.1 413");
      assertThat(response.toLowerCase()).contains("connection: close");
    }
  }

  @Test
  void aBodyOverTheLimitSentWholeGets413() throws Exception {
    byte[] body = new byte[6 << 20];
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(agni())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json")
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).contains("\"error\"");
  }

  @Test
  void anEmptyBodyGetsTheHandlersOwn400NotSpringsErrorPage() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(agni())
                .POST(HttpRequest.BodyPublishers.noBody())
                .header("Content-Type", "application/json")
                .build(),
            HttpResponse.BodyHandlers.ofString());

    WebhookResponse expected =
        agniWebhookHandler.handle(
            WebhookRequest.of("/webhooks/agni", WebhookHeaders.of(Map.of()), new byte[0]));
    assertThat(response.statusCode()).isEqualTo(400).isEqualTo(expected.status());
    assertThat(response.body()).isEqualTo(expected.body());
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
  }

  @Test
  void getIsAnswered405WithAllowPost() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(agntix()).GET().build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue("POST");
  }

  private static String readHead(InputStream in) throws Exception {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      head.write(b);
      String text = head.toString(StandardCharsets.US_ASCII);
      if (text.endsWith("\r\n\r\n")) {
        return text;
      }
    }
    return head.toString(StandardCharsets.US_ASCII);
  }
}
