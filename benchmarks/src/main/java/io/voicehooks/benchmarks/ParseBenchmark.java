package io.voicehooks.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.voicehooks.agni.AgniWebhookParser;
import io.voicehooks.agntix.AgntixWebhookParser;
import io.voicehooks.cllr.CllrWebhookParser;
import io.voicehooks.core.WebhookEvent;
import io.voicehooks.core.WebhookParser;
import io.voicehooks.core.WebhookRequest;
import io.voicehooks.fixtures.Fixtures;
import io.voicehooks.vaani.VaaniWebhookParser;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parsing one provider payload, four ways over the same bytes:
 *
 * <ul>
 *   <li>{@code typed}: the provider's {@code WebhookParser.parse} (typed records, open enums,
 *       {@code Instant}/{@code Duration}/{@code BigDecimal} conversion, strict duplicate-key
 *       detection, identity checks; Agni also checks the {@code org_id} against an expected one;
 *       Agntix is built {@code withoutVerification()} so only parsing is measured);
 *   <li>{@code readTree}: a plain {@code new ObjectMapper().readTree(bytes)};
 *   <li>{@code readMap}: the same mapper's {@code readValue(bytes, Map.class)};
 *   <li>{@code tokenScan}: the floor for Jackson, a bare {@code JsonParser.nextToken()} loop to the
 *       end of the input that builds nothing (string values are skipped, never decoded).
 * </ul>
 *
 * <p>Payloads: {@code agni} (documented {@code call.completed}, about 2 KB), {@code agni-long}
 * (generated, 500 turns, about 200 KB), {@code vaani} (the documented example of each of the 11
 * Vaani events: one operation parses all 11), {@code agntix} ({@code session.ended} with analysis),
 * {@code cllr} (the documented post-call example).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class ParseBenchmark {
  @Param({"agni", "agni-long", "vaani", "agntix", "cllr"})
  public String payload;

  private WebhookParser<?> parser;
  private byte[][] bodies;
  private WebhookRequest[] requests;
  private ObjectMapper mapper;
  private JsonFactory factory;

  /** Loads the payload set and builds the parsers; checks that each body binds a typed record. */
  @Setup
  public void setUp() throws IOException {
    List<byte[]> set;
    switch (payload) {
      case "agni":
        set = List.of(Payloads.agniCallCompleted());
        parser = AgniWebhookParser.builder().expectedOrgId(Fixtures.AGNI_ORG_ID).build();
        break;
      case "agni-long":
        set = List.of(Payloads.agniLongCall());
        parser = AgniWebhookParser.builder().expectedOrgId(Fixtures.AGNI_ORG_ID).build();
        break;
      case "vaani":
        set = Payloads.vaaniEvents();
        parser = VaaniWebhookParser.create();
        break;
      case "agntix":
        set = List.of(Payloads.agntixSessionEnded());
        parser = AgntixWebhookParser.withoutVerification();
        break;
      case "cllr":
        set = List.of(Payloads.cllrPostCall());
        parser = CllrWebhookParser.create();
        break;
      default:
        throw new IllegalArgumentException("payload " + payload);
    }
    bodies = set.toArray(new byte[0][]);
    requests = new WebhookRequest[bodies.length];
    for (int i = 0; i < bodies.length; i++) {
      requests[i] = WebhookRequest.of(bodies[i]);
      WebhookEvent event = parser.parse(requests[i]);
      if (event.getClass().getSimpleName().startsWith("Unknown")) {
        throw new IllegalStateException(payload + " #" + i + " parsed as " + event.getClass());
      }
    }
    mapper = new ObjectMapper();
    factory = mapper.getFactory();
  }

  @Benchmark
  public void typed(Blackhole bh) {
    for (WebhookRequest request : requests) {
      bh.consume(parser.parse(request));
    }
  }

  @Benchmark
  public void readTree(Blackhole bh) throws IOException {
    for (byte[] body : bodies) {
      bh.consume(mapper.readTree(body));
    }
  }

  @Benchmark
  public void readMap(Blackhole bh) throws IOException {
    for (byte[] body : bodies) {
      bh.consume(mapper.readValue(body, Map.class));
    }
  }

  @Benchmark
  public void tokenScan(Blackhole bh) throws IOException {
    for (byte[] body : bodies) {
      int tokens = 0;
      try (JsonParser p = factory.createParser(body)) {
        while (p.nextToken() != null) {
          tokens++;
        }
      }
      bh.consume(tokens);
    }
  }
}
