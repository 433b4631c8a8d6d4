package io.voicehooks.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.voicehooks.core.WebhookEvent;
import io.voicehooks.testing.AgniSamples;
import io.voicehooks.testing.Attempt;
import io.voicehooks.testing.Provider;
import io.voicehooks.testing.Sample;
import io.voicehooks.testing.Samples;
import io.voicehooks.testing.SvixSigner;
import io.voicehooks.testing.WebhookSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The library's Jackson 2 beside Spring Boot 4's Jackson 3: deliveries of every provider are parsed
 * by the library, and the same events returned from a controller are written by Boot's own Jackson
 * 3 mapper in the provider's wire shape, exactly as {@link WebhookEvent#toJson()} writes them.
 */
@SpringBootTest(
    classes = JacksonThreeHttpTest.ReceiverApplication.class,
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "voicehooks.agni.org-ids=" + AgniSamples.DEFAULT_ORG_ID,
      "voicehooks.vaani.shared-secret=vaani-secret",
      "voicehooks.cllr.shared-secret=cllr-secret",
      "voicehooks.agntix.secrets=" + JacksonThreeHttpTest.SECRET
    })
@Timeout(60)
class JacksonThreeHttpTest {
  static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

  @SpringBootConfiguration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  @Import(Events.class)
  static class ReceiverApplication {}

  /** Keeps what arrives and gives it back over HTTP, through Boot's message converters. */
  @RestController
  static class Events {
    final List<WebhookEvent> seen = new CopyOnWriteArrayList<>();

    @EventListener
    void on(WebhookEvent event) {
      seen.add(event);
    }

    @GetMapping("/events")
    List<WebhookEvent> all() {
      return seen;
    }

    @GetMapping("/events/last")
    WebhookEvent last() {
      return seen.get(seen.size() - 1);
    }

    @GetMapping("/events/wrapped")
    Map<String, Object> wrapped() {
      return Map.of("count", seen.size(), "first", seen.get(0));
    }
  }

  @LocalServerPort int port;
  @Autowired Events events;
  @Autowired JsonMapper bootMapper;

  private final WebhookSimulator simulator = WebhookSimulator.create();
  private final HttpClient http = HttpClient.newHttpClient();

  /** Reads decimals exactly, so that 0.42 and 0.4200 compare by value, as the providers mean. */
  private static final JsonMapper TREES =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** Delivers every sample once for the whole class (a second delivery is a duplicate). */
  private List<WebhookEvent> deliverEverySample() {
    synchronized (events) {
      if (events.seen.isEmpty()) {
        deliver();
      }
    }
    assertThat(events.seen).hasSize(Samples.all().size());
    return events.seen;
  }

  private void deliver() {
    for (Sample sample : Samples.all()) {
      Sample signed =
          sample.provider() == Provider.AGNTIX
              ? sample.signedWith(SvixSigner.withSecret(SECRET))
              : sample;
      String path =
          switch (signed.provider()) {
            case AGNI -> "/webhooks/agni";
            case VAANI -> "/webhooks/vaani?token=vaani-secret";
            case AGNTIX -> "/webhooks/agntix";
            case CLLR -> "/webhooks/cllr?token=cllr-secret";
          };
      List<Attempt> attempts = simulator.deliver(uri(path), signed).attempts();
      assertThat(attempts.get(attempts.size() - 1).status()).as(signed.toString()).isEqualTo(200);
    }
  }

  private String get(String path) throws Exception {
    HttpResponse<String> response =
        http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  private static JsonNode tree(String json) {
    return TREES.readTree(json);
  }

  @Test
  void eventsReturnedFromAControllerAreWrittenByBootsJacksonThreeMapperInTheWireShape()
      throws Exception {
    deliverEverySample();

    JsonNode written = tree(get("/events"));

    assertThat(written.size()).isEqualTo(events.seen.size());
    for (int i = 0; i < events.seen.size(); i++) {
      WebhookEvent event = events.seen.get(i);
      assertThat(written.get(i)).as(event.idempotencyKey()).isEqualTo(tree(event.toJson()));
    }
    // The provider's units, not java.time's: Agni sends seconds and milliseconds.
    JsonNode agni = written.get(0).get("data");
    assertThat(agni.get("duration_sec").isNumber()).isTrue();
    assertThat(agni.get("call_latency_ms").isNumber()).isTrue();
  }

  @Test
  void anEventInsideAMapIsWrittenTheSameWay() throws Exception {
    deliverEverySample();

    JsonNode wrapped = tree(get("/events/wrapped"));

    assertThat(wrapped.get("first")).isEqualTo(tree(events.seen.get(0).toJson()));
    assertThat(tree(get("/events/last")))
        .isEqualTo(tree(events.seen.get(events.seen.size() - 1).toJson()));
  }

  @Test
  void bootsMapperGivesTheSameTreeWhenItDoesNotWriteText() {
    deliverEverySample();

    for (WebhookEvent event : events.seen) {
      // valueToTree and convertValue write into a token buffer, not into JSON text.
      JsonNode written = bootMapper.valueToTree(event);
      assertThat(written).as(event.idempotencyKey()).isEqualTo(tree(event.toJson()));
    }
  }

  @Test
  void withoutTheModuleJacksonThreeWritesTheJavaShapeInstead() {
    deliverEverySample();
    WebhookEvent agni = events.seen.get(0);

    JsonNode plain = TREES.valueToTree(agni);

    // Why the module exists: Jackson 3 ignores Jackson 2's databind annotations on the records.
    assertThat(plain).isNotEqualTo(tree(agni.toJson()));
    assertThat(plain.get("data").get("duration_sec").isString()).isTrue();
  }
}
