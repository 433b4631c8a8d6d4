package io.voicehooks.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Turns a JMH JSON result file and the {@link ColdStart} result into {@code RESULTS.md}: every
 * figure as a ratio to its baseline, the absolute numbers beside it, the machine they came from,
 * and which targets are met.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.voicehooks.benchmarks.Report --mode quick --jmh
 * jmh.json --coldstart coldstart.json --out RESULTS.md [--load "<loadavg>"] [--jmh-args "..."]}.
 */
public final class Report {
  private static final String PACKAGE = "io.voicehooks.benchmarks.";
  private static final List<String> SIZES = List.of("2KB", "200KB");
  private static final List<String> PAYLOADS =
      List.of("agni", "agni-long", "vaani", "agntix", "cllr");
  private static final Map<String, String> PAYLOAD_NAMES =
      Map.of(
          "agni", "Agni call.completed (2 KB)",
          "agni-long", "Agni call.completed, 500 turns (200 KB)",
          "vaani", "Vaani, all 11 events (1 op = 11 parses)",
          "agntix", "Agntix session.ended with analysis",
          "cllr", "cllr post-call");

  /**
   * One benchmark's result: throughput with its error, CPU time of the benchmark thread per
   * operation, and bytes allocated per operation.
   */
  private record Result(double score, double error, double cpuNanos, double bytesPerOp) {
    /** The relative error of the score; 0 when JMH gave none. */
    double relativeError() {
      return Double.isFinite(error) && score > 0 ? error / score : 0;
    }
  }

  /**
   * How one implementation compares with another: the throughput ratio with its rough uncertainty
   * (the two relative errors added), and the same comparison made with CPU time per operation.
   */
  private record Ratio(double value, double error, double cpu) {
    /** {@return how many times the numerator's throughput the denominator's is} */
    static Ratio of(Result numerator, Result denominator) {
      double value = numerator.score / denominator.score;
      return new Ratio(
          value,
          value * (numerator.relativeError() + denominator.relativeError()),
          denominator.cpuNanos / numerator.cpuNanos);
    }
  }

  private final Map<String, Result> results = new LinkedHashMap<>();
  private final List<String[]> targets = new ArrayList<>();
  private JsonNode first;

  private Report() {}

  /**
   * Writes the report.
   *
   * @param args see the class comment
   * @throws IOException if a file cannot be read or written
   */
  public static void main(String[] args) throws IOException {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("Expected --option value, got " + args[i]);
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    String mode = options.getOrDefault("mode", "?");
    Path jmh = Path.of(require(options, "jmh"));
    Path out = Path.of(require(options, "out"));
    ObjectMapper mapper = new ObjectMapper();
    Report report = new Report();
    report.read(mapper.readTree(jmh.toFile()));
    JsonNode coldStart = null;
    if (options.containsKey("coldstart") && Files.exists(Path.of(options.get("coldstart")))) {
      coldStart = mapper.readTree(Path.of(options.get("coldstart")).toFile());
    }
    ZonedDateTime finished = Files.getLastModifiedTime(jmh).toInstant().atZone(ZoneOffset.UTC);
    String markdown =
        report.render(
            mode,
            finished,
            options.getOrDefault("load", ""),
            options.getOrDefault("jmh-args", ""),
            coldStart);
    Files.writeString(out, markdown, StandardCharsets.UTF_8);
    System.out.println("Wrote " + out);
  }

  private static String require(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null) {
      throw new IllegalArgumentException("Missing --" + name);
    }
    return value;
  }

  private void read(JsonNode jmh) {
    for (JsonNode run : jmh) {
      if (first == null) {
        first = run;
      }
      String name = run.path("benchmark").asText();
      if (name.startsWith(PACKAGE)) {
        name = name.substring(PACKAGE.length());
      }
      String param = "";
      JsonNode params = run.path("params");
      if (params.size() > 0) {
        param = params.elements().next().asText();
      }
      JsonNode primary = run.path("primaryMetric");
      double bytes = Double.NaN;
      double cpu = Double.NaN;
      for (Map.Entry<String, JsonNode> metric : run.path("secondaryMetrics").properties()) {
        if (metric.getKey().endsWith("gc.alloc.rate.norm")) {
          bytes = metric.getValue().path("score").asDouble(Double.NaN);
        } else if (metric.getKey().endsWith("cpu.time.norm")) {
          cpu = metric.getValue().path("score").asDouble(Double.NaN);
        }
      }
      double error = primary.path("scoreError").asDouble(Double.NaN);
      results.put(
          key(name, param), new Result(primary.path("score").asDouble(), error, cpu, bytes));
    }
  }

  private static String key(String benchmark, String param) {
    return param.isEmpty() ? benchmark : benchmark + "[" + param + "]";
  }

  private Result result(String benchmark, String param) {
    return results.get(key(benchmark, param));
  }

  private String render(
      String mode, ZonedDateTime finished, String load, String jmhArgs, JsonNode coldStart) {
    StringBuilder md = new StringBuilder();
    String date =
        finished.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT));
    md.append("# VoiceHooks benchmark results\n\n")
        .append("Produced by `benchmarks/run ")
        .append(mode)
        .append("`; JMH finished ")
        .append(date)
        .append(". See `benchmarks/README.md` for what each benchmark measures.")
        .append(" Throughput is operations per second (higher is better), with JMH's 99.9%")
        .append(" confidence half-width; B/op is bytes allocated per operation (`-prof gc`).")
        .append(" Ratios are the figures that matter: the machine was shared, so absolute")
        .append(" numbers move from run to run.\n\n");
    renderMachine(md, mode, load, jmhArgs);
    StringBuilder details = new StringBuilder();
    renderVerify(details);
    renderParse(details);
    renderHandle(details);
    renderColdStart(details, coldStart);
    md.append("## Targets\n\n")
        .append("Each ratio is VoiceHooks against its baseline, oriented as the target is stated;")
        .append(" the first from throughput (wall clock), the second from the CPU time of the")
        .append(" benchmark thread per operation, which a busy machine disturbs far less.")
        .append(" Verdicts are on throughput, as the targets are stated.\n\n")
        .append("| Target | Ratio (throughput) | Ratio (CPU time) | Met |\n")
        .append("|---|---|---|---|\n");
    for (String[] target : targets) {
      md.append("| ").append(String.join(" | ", target)).append(" |\n");
    }
    long missed = targets.stream().filter(t -> t[3].startsWith("no")).count();
    md.append('\n')
        .append(missed == 0 ? "All targets met." : missed + " of " + targets.size())
        .append(missed == 0 ? "" : " targets missed.")
        .append(
            " \"(within error)\" marks a verdict that JMH's confidence intervals do not settle.\n\n");
    md.append(details);
    return md.toString();
  }

  private void renderMachine(StringBuilder md, String mode, String load, String jmhArgs) {
    Properties versions = versions();
    md.append("## Machine and run\n\n")
        .append("| | |\n|---|---|\n")
        .append("| Mode | ")
        .append(mode)
        .append(" |\n")
        .append("| CPU | ")
        .append(cpuModel())
        .append(" |\n")
        .append("| Cores available | ")
        .append(Runtime.getRuntime().availableProcessors())
        .append(" |\n");
    if (first != null) {
      md.append("| JDK | ")
          .append(first.path("jdkVersion").asText())
          .append(", ")
          .append(first.path("vmName").asText())
          .append(' ')
          .append(first.path("vmVersion").asText())
          .append(" |\n")
          .append("| JMH settings | ")
          .append(first.path("forks").asInt())
          .append(" fork(s), ")
          .append(first.path("warmupIterations").asInt())
          .append(" × ")
          .append(first.path("warmupTime").asText())
          .append(" warm-up, ")
          .append(first.path("measurementIterations").asInt())
          .append(" × ")
          .append(first.path("measurementTime").asText())
          .append(" measurement, 1 thread, JVM args `")
          .append(String.join(" ", textList(first.path("jvmArgs"))))
          .append("` |\n");
    }
    if (!jmhArgs.isBlank()) {
      md.append("| JMH command line | `").append(jmhArgs).append("` |\n");
    }
    if (!load.isBlank()) {
      md.append("| Load average at start (1, 5, 15 min) | ").append(load).append(" |\n");
    }
    md.append("| Versions | JMH ")
        .append(versions.getProperty("jmh", "?"))
        .append(", com.svix:svix ")
        .append(versions.getProperty("svix", "?"))
        .append(", Jackson ")
        .append(versions.getProperty("jackson", "?"))
        .append(", VoiceHooks ")
        .append(versions.getProperty("voicehooks", "?"))
        .append(" |\n\n");
  }

  private void renderVerify(StringBuilder md) {
    md.append("## Verify\n\n")
        .append("Svix signature verification of one delivery. Baselines: `com.svix:svix`")
        .append(" `Webhook.verify` (body pre-decoded to a String) and a bare pre-keyed")
        .append(" HMAC-SHA256 over the same bytes (the floor).\n\n")
        .append("| Body | VoiceHooks throughput ÷ svix | VoiceHooks cost ÷ bare MAC |")
        .append(" bare MAC throughput ÷ svix (the most any verifier can reach) |\n")
        .append("|---|---|---|---|\n");
    StringBuilder absolute = absoluteHeader("Body");
    Map<String, Result> ours = new LinkedHashMap<>();
    for (String size : SIZES) {
      Result vh = result("VerifyBenchmark.voicehooks", size);
      Result svix = result("VerifyBenchmark.svix", size);
      Result mac = result("VerifyBenchmark.bareMac", size);
      if (vh == null || svix == null || mac == null) {
        md.append("| ").append(size).append(" | not run | | |\n");
        continue;
      }
      ours.put(size, vh);
      Ratio vsSvix = Ratio.of(vh, svix);
      Ratio vsMac = Ratio.of(mac, vh);
      md.append("| ")
          .append(size)
          .append(" | ")
          .append(both(vsSvix))
          .append(" | ")
          .append(both(vsMac))
          .append(" | ")
          .append(both(Ratio.of(mac, svix)))
          .append(" |\n");
      absoluteRow(absolute, size, "VoiceHooks `SvixSignatureVerifier.verify`", vh);
      absoluteRow(absolute, size, "svix `Webhook.verify`", svix);
      absoluteRow(absolute, size, "bare MAC", mac);
      target("Verify " + size + ": at least 2× the throughput of com.svix:svix", vsSvix, 2, true);
      target("Verify " + size + ": within 1.2× of the bare MAC's cost", vsMac, 1.2, false);
    }
    if (ours.size() == 2) {
      double small = ours.get("2KB").bytesPerOp;
      double large = ours.get("200KB").bytesPerOp;
      boolean met = Math.abs(large - small) <= 64;
      targets.add(
          new String[] {
            "Verify: bytes/op independent of body size (within 64 B: no copy of the body)",
            String.format(Locale.ROOT, "%,.0f B/op at 2 KB, %,.0f B/op at 200 KB", small, large),
            "",
            met ? "yes" : "no"
          });
    }
    md.append('\n').append(absolute).append('\n');
  }

  private void renderParse(StringBuilder md) {
    md.append("## Parse\n\n")
        .append("Each provider's typed parser against a plain `ObjectMapper` on the same bytes,")
        .append(" and against a bare `JsonParser.nextToken()` scan (the floor for Jackson).\n\n")
        .append("| Payload | typed throughput ÷ readTree | typed throughput ÷ readValue(Map)")
        .append(" | typed cost ÷ token scan |\n")
        .append("|---|---|---|---|\n");
    StringBuilder absolute = absoluteHeader("Payload");
    for (String payload : PAYLOADS) {
      Result typed = result("ParseBenchmark.typed", payload);
      Result tree = result("ParseBenchmark.readTree", payload);
      Result map = result("ParseBenchmark.readMap", payload);
      Result scan = result("ParseBenchmark.tokenScan", payload);
      String name = PAYLOAD_NAMES.get(payload);
      if (typed == null || tree == null || map == null || scan == null) {
        md.append("| ").append(name).append(" | not run | | |\n");
        continue;
      }
      Ratio vsTree = Ratio.of(typed, tree);
      Ratio vsMap = Ratio.of(typed, map);
      Ratio vsScan = Ratio.of(scan, typed);
      md.append("| ")
          .append(name)
          .append(" | ")
          .append(both(vsTree))
          .append(" | ")
          .append(both(vsMap))
          .append(" | ")
          .append(both(vsScan))
          .append(" |\n");
      absoluteRow(absolute, payload, "typed (provider parser)", typed);
      absoluteRow(absolute, payload, "readTree", tree);
      absoluteRow(absolute, payload, "readValue(Map)", map);
      absoluteRow(absolute, payload, "token scan", scan);
      target("Parse " + payload + ": typed no slower than readTree", vsTree, 1, true);
      target(
          "Parse " + payload + ": typed within 2× of the bare token scan's cost", vsScan, 2, false);
    }
    md.append('\n').append(absolute).append('\n');
  }

  private void renderHandle(StringBuilder md) {
    Result handle = result("HandleBenchmark.handle", "");
    Result alone = result("HandleBenchmark.verifyAndParse", "");
    md.append("## Handle\n\n")
        .append("A signed Agntix `session.ended` through `WebhookHandler.handle` (verify, parse,")
        .append(" claim a fresh key, dispatch to a no-op listener, complete) against verify +")
        .append(" parse alone.\n\n");
    if (handle == null || alone == null) {
      md.append("Not run.\n\n");
      return;
    }
    Ratio cost = Ratio.of(alone, handle);
    StringBuilder absolute = absoluteHeader("Benchmark");
    absoluteRow(absolute, "Handle", "`WebhookHandler.handle`", handle);
    absoluteRow(absolute, "Handle", "verify + parse (`AgntixWebhookParser.parse`)", alone);
    md.append("Cost of handle ÷ cost of verify + parse: ")
        .append(both(cost))
        .append(".\n\n")
        .append(absolute)
        .append('\n');
    target("Handle: at most 1.3× the cost of verify + parse alone", cost, 1.3, false);
  }

  private static StringBuilder absoluteHeader(String first) {
    return new StringBuilder()
        .append("| ")
        .append(first)
        .append(" | Implementation | ops/s | CPU ns/op | B/op |\n")
        .append("|---|---|---|---|---|\n");
  }

  private static void absoluteRow(StringBuilder table, String group, String name, Result r) {
    table
        .append("| ")
        .append(group)
        .append(" | ")
        .append(name)
        .append(" | ")
        .append(ops(r))
        .append(" | ")
        .append(
            Double.isFinite(r.cpuNanos) ? String.format(Locale.ROOT, "%,.0f", r.cpuNanos) : "n/a")
        .append(" | ")
        .append(bytes(r))
        .append(" |\n");
  }

  private void renderColdStart(StringBuilder md, JsonNode coldStart) {
    md.append("## Cold start\n\n");
    if (coldStart == null) {
      md.append("Not run.\n\n");
      return;
    }
    double[] ours = doubles(coldStart.path("voicehooks").path("wallMs"));
    double[] base = doubles(coldStart.path("jackson").path("wallMs"));
    double[] oursJvm = doubles(coldStart.path("voicehooks").path("jvmMs"));
    double[] baseJvm = doubles(coldStart.path("jackson").path("jvmMs"));
    double ratio = median(ours) / median(base);
    md.append("Time from process start to the first parsed Agni `call.completed`, in fresh JVMs")
        .append(" (")
        .append(coldStart.path("runs").asInt())
        .append(" runs each, interleaved; ")
        .append(coldStart.path("method").asText())
        .append(").\n\n")
        .append("| | median ms | min ms | max ms | median ms from JVM start time |\n")
        .append("|---|---|---|---|---|\n")
        .append(coldRow("VoiceHooks: AgniWebhookParser.parse", ours, oursJvm))
        .append(coldRow("Jackson: new ObjectMapper().readTree", base, baseJvm))
        .append("\nVoiceHooks relative to Jackson: **")
        .append(String.format(Locale.ROOT, "%.2f×", ratio))
        .append("** (wall), ")
        .append(String.format(Locale.ROOT, "%.2f×", median(oursJvm) / median(baseJvm)))
        .append(" (from JVM start time).\n\n");
    targets.add(
        new String[] {
          "Cold start: at most 1.5× plain Jackson's first readTree (median wall time)",
          String.format(Locale.ROOT, "%.2f×", ratio),
          String.format(Locale.ROOT, "%.2f× from JVM start", median(oursJvm) / median(baseJvm)),
          ratio <= 1.5 ? "yes" : "no"
        });
  }

  private static String coldRow(String name, double[] wall, double[] jvm) {
    return String.format(
        Locale.ROOT,
        "| %s | %.1f | %.1f | %.1f | %.0f |%n",
        name,
        median(wall),
        Arrays.stream(wall).min().orElse(Double.NaN),
        Arrays.stream(wall).max().orElse(Double.NaN),
        median(jvm));
  }

  /**
   * Records a target's verdict, decided on throughput as the targets are stated. {@code atLeast}:
   * the ratio must reach the threshold; otherwise it must not exceed it. The CPU-time ratio is
   * shown beside it, and a verdict it would reverse is flagged.
   */
  private void target(String name, Ratio ratio, double threshold, boolean atLeast) {
    boolean met = atLeast ? ratio.value >= threshold : ratio.value <= threshold;
    boolean settled = Math.abs(ratio.value - threshold) > ratio.error;
    String verdict = met ? "yes" : "no";
    if (!settled) {
      verdict += " (within error)";
    }
    if (Double.isFinite(ratio.cpu)) {
      boolean cpuMet = atLeast ? ratio.cpu >= threshold : ratio.cpu <= threshold;
      if (cpuMet != met) {
        verdict += "; CPU time says " + (cpuMet ? "yes" : "no");
      }
    }
    targets.add(
        new String[] {
          name, times(ratio.value), Double.isFinite(ratio.cpu) ? times(ratio.cpu) : "n/a", verdict
        });
  }

  private static String both(Ratio ratio) {
    return "**"
        + times(ratio.value)
        + "**"
        + (Double.isFinite(ratio.cpu) ? " (CPU " + times(ratio.cpu) + ")" : "");
  }

  private static String times(double ratio) {
    return String.format(Locale.ROOT, "%.2f×", ratio);
  }

  private static String ops(Result result) {
    if (!Double.isFinite(result.error)) {
      return String.format(Locale.ROOT, "%,.0f", result.score);
    }
    return String.format(Locale.ROOT, "%,.0f ± %,.0f", result.score, result.error);
  }

  private static String bytes(Result result) {
    return Double.isFinite(result.bytesPerOp)
        ? String.format(Locale.ROOT, "%,.0f", result.bytesPerOp)
        : "n/a";
  }

  private static double[] doubles(JsonNode array) {
    double[] values = new double[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = array.get(i).asDouble();
    }
    return values;
  }

  private static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static List<String> textList(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  private static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim() + " (/proc/cpuinfo)";
        }
      }
    } catch (IOException | UncheckedIOException e) {
      // Not Linux, or not readable: fall through.
    }
    return System.getProperty("os.arch") + " (no /proc/cpuinfo)";
  }

  private static Properties versions() {
    Properties versions = new Properties();
    try (InputStream in = Report.class.getResourceAsStream("versions.properties")) {
      if (in != null) {
        versions.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return versions;
  }
}
