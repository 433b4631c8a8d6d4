package io.voicehooks.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpServer;
import io.voicehooks.agni.AgniWebhookParser;
import io.voicehooks.agni.CallCompletedEvent;
import io.voicehooks.agntix.AgntixClient;
import io.voicehooks.agntix.AgntixEvent;
import io.voicehooks.agntix.AgntixWebhookParser;
import io.voicehooks.agntix.SessionEndedEvent;
import io.voicehooks.agntix.SessionMessage;
import io.voicehooks.cllr.CllrWebhookParser;
import io.voicehooks.cllr.PostCallEvent;
import io.voicehooks.core.CallSummary;
import io.voicehooks.core.FinishedCallEvent;
import io.voicehooks.core.IdempotencyStore;
import io.voicehooks.core.JsonLimits;
import io.voicehooks.core.OpenEnum;
import io.voicehooks.core.WebhookEvent;
import io.voicehooks.core.WebhookParser;
import io.voicehooks.testing.Provider;
import io.voicehooks.testing.Sample;
import io.voicehooks.testing.Samples;
import io.voicehooks.vaani.CallPostprocessingEvent;
import io.voicehooks.vaani.VaaniCallTracker;
import io.voicehooks.vaani.VaaniEvent;
import io.voicehooks.vaani.VaaniWebhookParser;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves that no record of any provider prints personal data in {@code toString()}, while its
 * accessors and its JSON serialisation still carry every value.
 *
 * <p>Each provider's sample deliveries (sdk-testing, enriched where a sample leaves a component
 * empty) go through the real parsers; every record reachable from the events, their call summaries,
 * the Vaani call tracker's state and an Agntix messages page fetched from a local server is walked
 * through its record components. Personal data is defined by exclusion: every string leaf of the
 * JSON that is not on the provider's explicit list of visible paths (ids, types, statuses, times)
 * and is at least three characters long. A new component added without redaction therefore fails
 * this test as soon as a sample carries it, and {@link #everyRecordAndTextComponent_isExercised}
 * fails until a sample does.
 */
final class RecordRedactionTest {
  /** Reads the samples, and writes events as an application would (JSR-310 types included). */
  private static final ObjectMapper JSON =
      JsonMapper.builder().addModule(new JavaTimeModule()).build();

  /** Shorter strings ("NY", "en", "42") are too likely to occur by chance in a record's string. */
  private static final int MIN_LENGTH = 3;

  private static final Set<String> AGNI_VISIBLE =
      Set.of(
          "event",
          "org_id",
          "data.campaign_id",
          "data.contact_id",
          "data.status",
          "data.call_session_id",
          "data.call_id",
          "data.channel",
          "data.disconnect_reason",
          "data.started_at",
          "data.ended_at",
          "data.created_at",
          "data.post_call_analysis.sentiment",
          "data.post_call_analysis.disposition",
          "data.transcripts[].id",
          "data.transcripts[].role",
          "data.transcripts[].created_at",
          "data.transcripts[].message.format",
          "data.transcripts[].message.role");

  private static final Set<String> VAANI_VISIBLE =
      Set.of(
          "event",
          "room_name",
          "status",
          "error",
          "transfer_type",
          "reason",
          "sip_status",
          "end_reason",
          "agent_identity");

  private static final Set<String> AGNTIX_VISIBLE =
      Set.of(
          "eventType",
          "id",
          "type",
          "platform",
          "direction",
          "state",
          "agentId",
          "createdAt",
          "lastActivityAt",
          "endedAt",
          "updatedAt",
          "metadata.roomName",
          "analysis.intent.conversation.intent",
          "analysis.intent.message.intent",
          "analysis.resolution.classification",
          "analysis.resolution.status",
          // The label CallSummary shows, normalised, as its sentiment.
          "analysis.sentiment.conversation.label",
          // The messages page of the Agntix API.
          "data[].id",
          "data[].role",
          "data[].createdAt");

  private static final Set<String> CLLR_VISIBLE =
      Set.of(
          "callId", "callAnalysis.mood", "callAnalysis.callOutcome", "callAnalysis.classification");

  /** Records that carry no delivery data: configuration values, and a store claim (key, token). */
  private static final Set<Class<?>> NOT_DATA =
      Set.of(JsonLimits.class, IdempotencyStore.Claim.class);

  private static final String SESSION_ID = "4981804c-2658-4893-84ff-9c2fa90fb3c2";
  private static final String MESSAGES =
      "{\"data\":["
          + "{\"id\":\"msg_01\",\"content\":\"Hi, this is Alex Morgan from 42 Elm Road.\","
          + "\"role\":\"user\",\"createdAt\":\"2026-04-08T05:00:02.000Z\","
          + "\"speakerName\":\"Alex Morgan (caller)\"},"
          + "{\"id\":\"msg_02\",\"content\":\"Thanks Alex, Wednesday afternoon it is.\","
          + "\"role\":\"assistant\",\"createdAt\":\"2026-04-08T05:00:05.000Z\"}],"
          + "\"pagination\":{\"page\":1,\"limit\":100,\"total\":2,\"totalPages\":1,"
          + "\"nextCursor\":\"cursor-of-alex-morgan\"},\"requestedBy\":\"alex.morgan@example.com\"}";

  private static HttpServer server;
  private static AgntixClient client;

  @BeforeAll
  static void startMessagesServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/api/v1/chat/sessions/",
        exchange -> {
          byte[] body = MESSAGES.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    client =
        AgntixClient.builder()
            .baseUri(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
            .apiKey("agx_test_key")
            .build();
  }

  @AfterAll
  static void stopMessagesServer() {
    server.stop(0);
  }

  static Stream<String> providers() {
    return Stream.of("agni", "vaani", "agntix", "cllr");
  }

  @ParameterizedTest
  @MethodSource("providers")
  void toString_ofEveryRecord_showsNoPersonalValue(String provider) {
    Case c = build(provider);
    Set<String> personal = c.personalValues();
    assertThat(personal).as("the samples carry personal values").hasSizeGreaterThan(2);

    Walk walk = new Walk();
    c.roots.forEach(walk::visit);

    List<String> leaks = new ArrayList<>();
    for (Map.Entry<Record, String> printed : walk.strings.entrySet()) {
      for (String value : personal) {
        if (printed.getValue().contains(value)) {
          leaks.add(printed.getKey().getClass().getSimpleName() + " shows '" + value + "'");
        }
      }
    }
    assertThat(leaks).as("personal values in toString()").isEmpty();
  }

  @ParameterizedTest
  @MethodSource("providers")
  void accessorsAndJson_stillCarryEveryPersonalValue(String provider) throws Exception {
    Case c = build(provider);
    Walk walk = new Walk();
    c.roots.forEach(walk::visit);
    StringBuilder serialised = new StringBuilder();
    for (Object root : c.roots) {
      serialised.append(JSON.writeValueAsString(root)).append('\n');
    }
    for (String value : c.personalValues()) {
      assertThat(walk.texts.stream().anyMatch(text -> text.contains(value)))
          .as("an accessor returns '%s'", value)
          .isTrue();
      assertThat(serialised.toString()).as("the JSON of the events").contains(json(value));
    }
  }

  @Test
  void toString_keepsTheRecordShapeAndNamesEveryComponent() {
    Walk all = everything();
    for (Map.Entry<Record, String> printed : all.strings.entrySet()) {
      Class<?> type = printed.getKey().getClass();
      String text = printed.getValue();
      if (type == OpenEnum.class) {
        continue; // prints its raw value, a status, by design
      }
      assertThat(text).startsWith(type.getSimpleName() + "[").endsWith("]");
      for (RecordComponent component : type.getRecordComponents()) {
        assertThat(text).contains(component.getName() + "=");
      }
    }
  }

  /**
   * Fails when a record of the SDK is never reached from the samples, or one of its text-bearing
   * components (strings, lists, maps, free-form values) is empty in every sample: the redaction
   * checks above would not see it.
   */
  @Test
  void everyRecordAndTextComponent_isExercised() throws Exception {
    Walk all = everything();
    Set<String> missing = new TreeSet<>();
    for (Class<?> anchor :
        List.of(
            CallSummary.class,
            CallCompletedEvent.class,
            VaaniEvent.class,
            AgntixEvent.class,
            PostCallEvent.class)) {
      for (Class<?> record : publicRecordsBeside(anchor)) {
        if (NOT_DATA.contains(record)) {
          continue;
        }
        if (!all.types.contains(record)) {
          missing.add(record.getName() + " (never reached)");
          continue;
        }
        for (RecordComponent component : record.getRecordComponents()) {
          if (isText(component.getType()) && !all.filled.contains(name(component))) {
            missing.add(record.getSimpleName() + "." + component.getName() + " (always empty)");
          }
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  private static Walk everything() {
    Walk all = new Walk();
    providers().forEach(p -> build(p).roots.forEach(all::visit));
    return all;
  }

  // --- the cases --------------------------------------------------------------------------------

  /** A provider's deliveries, the paths it shows, and every object built from them. */
  private static final class Case {
    final List<String> bodies = new ArrayList<>();
    final Set<String> visible;
    final List<Object> roots = new ArrayList<>();

    Case(Set<String> visible) {
      this.visible = visible;
    }

    <E extends WebhookEvent> E parse(WebhookParser<E> parser, Sample sample) {
      return parse(parser, sample.bodyAsString());
    }

    /**
     * Parses the body, and a copy of it with an undeclared personal-looking field in every object,
     * so every record's {@code extraFields} is filled and checked too.
     */
    <E extends WebhookEvent> E parse(WebhookParser<E> parser, String body) {
      E event = add(parser, body);
      add(parser, withExtraFieldEverywhere(body));
      return event;
    }

    private <E extends WebhookEvent> E add(WebhookParser<E> parser, String body) {
      bodies.add(body);
      E event = parser.parse(body);
      roots.add(event);
      if (event instanceof FinishedCallEvent) {
        roots.add(((FinishedCallEvent) event).callSummary());
      }
      return event;
    }

    private static String withExtraFieldEverywhere(String body) {
      JsonNode tree = tree(body);
      addExtraField(tree, new int[1]);
      return tree.toString();
    }

    private static void addExtraField(JsonNode node, int[] count) {
      node.forEach(child -> addExtraField(child, count));
      if (node.isObject()) {
        ((ObjectNode) node).put("vh_extra_" + count[0], "Extra Person " + count[0]++ + " Smith");
      }
    }

    /** Every string leaf off the visible paths, less those equal to a visible one. */
    Set<String> personalValues() {
      Set<String> personal = new LinkedHashSet<>();
      Set<String> shown = new LinkedHashSet<>();
      for (String body : bodies) {
        leaves(
            tree(body),
            "",
            (path, value) -> (visible.contains(path) ? shown : personal).add(value));
      }
      personal.removeAll(shown);
      personal.removeIf(value -> value.length() < MIN_LENGTH);
      return personal;
    }
  }

  private static Case build(String provider) {
    switch (provider) {
      case "agni":
        return agni();
      case "vaani":
        return vaani();
      case "agntix":
        return agntix();
      case "cllr":
        return cllr();
      default:
        throw new IllegalArgumentException(provider);
    }
  }

  private static Case agni() {
    Case c = new Case(AGNI_VISIBLE);
    AgniWebhookParser parser = AgniWebhookParser.create();
    samples(Provider.AGNI).forEach(sample -> c.parse(parser, sample));
    // The REST shape of a transcript entry (role inside the message), the call id and an
    // agent-defined extraction field: components the documented example leaves empty.
    Sample rich =
        Samples.agni()
            .callCompleted()
            .set("data.call_id", "call-7781")
            .set("data.post_call_analysis.home_address", "742 Evergreen Terrace")
            .setRaw(
                "data.transcripts.3",
                """
                {"id": "t-004", "timestamp_ms": 9000, "message": {"role": "user",
                 "content": "My card ends in 1881, name on it is Jane Q Public.", "format": "text"}}
                """)
            .build();
    c.parse(parser, rich);
    c.parse(parser, retyped(rich.bodyAsString(), "event", "call.analyzed"));
    return c;
  }

  private static Case vaani() {
    Case c = new Case(VAANI_VISIBLE);
    VaaniWebhookParser parser = VaaniWebhookParser.create();
    VaaniCallTracker tracker = VaaniCallTracker.create(10);
    String room = null;
    CallPostprocessingEvent postprocessed = null;
    for (Sample sample : samples(Provider.VAANI)) {
      VaaniEvent event = c.parse(parser, sample);
      tracker.apply(event);
      room = event.roomName();
      if (event instanceof CallPostprocessingEvent) {
        postprocessed = (CallPostprocessingEvent) event;
        c.roots.add(postprocessed.turns());
      }
    }
    c.roots.add(tracker.state(room));
    // The summary with the outcome the tracker folded from the call's other events.
    c.roots.add(
        Objects.requireNonNull(postprocessed)
            .callSummary(Objects.requireNonNull(tracker.state(room))));
    c.parse(
        parser,
        "{\"event\":\"call_transcribed\",\"room_name\":\"room_9\","
            + "\"caller_name\":\"Priya Raman\",\"phone_number\":\"+919812345678\"}");
    return c;
  }

  private static Case agntix() {
    Case c = new Case(AGNTIX_VISIBLE);
    AgntixWebhookParser parser = AgntixWebhookParser.withoutVerification();
    SessionEndedEvent ended = null;
    for (Sample sample : samples(Provider.AGNTIX)) {
      AgntixEvent event = c.parse(parser, sample);
      if (event instanceof SessionEndedEvent) {
        ended = (SessionEndedEvent) event;
      }
    }
    c.parse(
        parser,
        retyped(
            Samples.agntix().sessionCreated().build().bodyAsString(),
            "eventType",
            "session.updated"));
    c.bodies.add(MESSAGES);
    List<SessionMessage> messages = client.sessionMessages(SESSION_ID);
    c.roots.add(messages);
    c.roots.add(client.sessionMessages(SESSION_ID, 1, 100));
    c.roots.add(Objects.requireNonNull(ended).callSummary(messages));
    return c;
  }

  private static Case cllr() {
    Case c = new Case(CLLR_VISIBLE);
    CllrWebhookParser parser = CllrWebhookParser.create();
    samples(Provider.CLLR).forEach(sample -> c.parse(parser, sample));
    return c;
  }

  /** Every provider's documented events, each once, as sdk-testing builds them by default. */
  private static List<Sample> samples(Provider provider) {
    List<Sample> samples = new ArrayList<>();
    for (Sample sample : Samples.all()) {
      if (sample.provider() == provider) {
        samples.add(sample);
      }
    }
    assertThat(samples).as("samples of %s", provider).isNotEmpty();
    return samples;
  }

  /** The same body under a type the SDK does not model, which parses to an unknown event. */
  private static String retyped(String body, String typeField, String type) {
    ObjectNode root = (ObjectNode) tree(body);
    root.put(typeField, type);
    return root.toString();
  }

  // --- walking records and JSON -----------------------------------------------------------------

  /** What a walk over records reached. */
  private static final class Walk {
    /** Each record reached, with its string. */
    final Map<Record, String> strings = new LinkedHashMap<>();

    /** Every string value reached through an accessor (and every map key). */
    final List<String> texts = new ArrayList<>();

    final Set<Class<?>> types = new LinkedHashSet<>();

    /** The components ({@code Record.component}) that held a non-empty value at least once. */
    final Set<String> filled = new LinkedHashSet<>();

    void visit(Object value) {
      if (value instanceof Record) {
        Record record = (Record) value;
        types.add(record.getClass());
        strings.put(record, record.toString());
        for (RecordComponent component : record.getClass().getRecordComponents()) {
          Object child = read(component, record);
          if (!isEmpty(child)) {
            filled.add(name(component));
          }
          if (child != null) {
            visit(child);
          }
        }
      } else if (value instanceof Map) {
        for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
          texts.add(String.valueOf(e.getKey()));
          if (e.getValue() != null) {
            visit(e.getValue());
          }
        }
      } else if (value instanceof Collection) {
        for (Object element : (Collection<?>) value) {
          if (element != null) {
            visit(element);
          }
        }
      } else if (value instanceof CharSequence) {
        texts.add(value.toString());
      }
    }

    private static Object read(RecordComponent component, Record record) {
      try {
        return component.getAccessor().invoke(record);
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(component.toString(), e);
      }
    }

    private static boolean isEmpty(Object value) {
      return value == null
          || (value instanceof CharSequence && ((CharSequence) value).length() == 0)
          || (value instanceof Collection && ((Collection<?>) value).isEmpty())
          || (value instanceof Map && ((Map<?, ?>) value).isEmpty());
    }
  }

  private static String name(RecordComponent component) {
    return component.getDeclaringRecord().getName() + "." + component.getName();
  }

  private static boolean isText(Class<?> type) {
    return type == String.class
        || type == Object.class
        || Collection.class.isAssignableFrom(type)
        || Map.class.isAssignableFrom(type);
  }

  private static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Calls {@code sink} with the path ({@code a.b[].c}) and value of every string leaf. */
  private static void leaves(JsonNode node, String path, LeafSink sink) {
    if (node.isTextual()) {
      sink.accept(path, node.textValue());
    } else if (node.isArray()) {
      node.forEach(element -> leaves(element, path + "[]", sink));
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        leaves(
            field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), sink);
      }
    }
  }

  private interface LeafSink {
    void accept(String path, String value);
  }

  /** A value as it appears inside a JSON string (escaped), to search serialised text. */
  private static String json(String value) {
    try {
      String quoted = JSON.writeValueAsString(value);
      return quoted.substring(1, quoted.length() - 1);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** The public records (nested ones included) in the package of {@code anchor}. */
  private static List<Class<?>> publicRecordsBeside(Class<?> anchor) throws Exception {
    String dir = anchor.getPackageName().replace('.', '/');
    Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> files = new ArrayList<>();
    if (Files.isDirectory(location)) {
      try (Stream<Path> list = Files.list(location.resolve(dir))) {
        list.map(p -> dir + "/" + p.getFileName()).forEach(files::add);
      }
    } else {
      try (JarFile jar = new JarFile(location.toFile())) {
        jar.stream()
            .map(JarEntry::getName)
            .filter(n -> n.startsWith(dir + "/") && n.indexOf('/', dir.length() + 1) < 0)
            .forEach(files::add);
      }
    }
    List<Class<?>> records = new ArrayList<>();
    for (String file : files) {
      if (!file.endsWith(".class")) {
        continue;
      }
      String name = file.substring(0, file.length() - ".class".length()).replace('/', '.');
      Class<?> type = Class.forName(name, false, anchor.getClassLoader());
      if (type.isRecord() && Modifier.isPublic(type.getModifiers())) {
        records.add(type);
      }
    }
    assertThat(records).as("records in %s", anchor.getPackageName()).isNotEmpty();
    return records;
  }
}
