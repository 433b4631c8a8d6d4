package io.voicehooks.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cold start: time from JVM start to the first parsed event, VoiceHooks ({@link FirstAgniEvent})
 * against plain Jackson ({@link FirstJacksonTree}), each in fresh JVMs.
 *
 * <p>Method: this driver starts each child as a separate process ({@code java -cp <this jar>
 * <main>}, the same JVM binary, default flags) and measures wall time with {@code
 * System.nanoTime()} from just before {@code ProcessBuilder.start()} to the moment it reads the
 * child's first line, {@code ready}, which the child prints right after its first parse. That is
 * what a container cold start costs: process creation, JVM boot, class loading and initialisation,
 * the parse; JVM shutdown is not included. Each child also reports the milliseconds from the JVM's
 * own recorded start time ({@code RuntimeMXBean.getStartTime()}) to the same moment, which leaves
 * out process creation and the launcher; it is recorded as a cross-check. The two children
 * alternate (ABBA order) so that drift in the machine's load falls on both, and a few unrecorded
 * warm-up runs of each come first so the jar and the JDK's class-data archive are in the page cache
 * for both.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.voicehooks.benchmarks.ColdStart [--runs 10] [--warmup
 * 2] [--out coldstart.json]}.
 */
public final class ColdStart {
  private ColdStart() {}

  /** One child process's timings. */
  private record Run(double wallMs, long jvmMs) {}

  /**
   * Runs the comparison.
   *
   * @param args {@code --runs N}, {@code --warmup N}, {@code --out FILE}
   * @throws Exception if a child fails
   */
  public static void main(String[] args) throws Exception {
    int runs = 10;
    int warmup = 2;
    Path out = Path.of("coldstart.json");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--runs":
          runs = Integer.parseInt(args[++i]);
          break;
        case "--warmup":
          warmup = Integer.parseInt(args[++i]);
          break;
        case "--out":
          out = Path.of(args[++i]);
          break;
        default:
          throw new IllegalArgumentException("Unknown argument " + args[i]);
      }
    }
    Class<?> ours = FirstAgniEvent.class;
    Class<?> baseline = FirstJacksonTree.class;
    for (int i = 0; i < warmup; i++) {
      run(ours);
      run(baseline);
    }
    List<Run> oursRuns = new ArrayList<>();
    List<Run> baselineRuns = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      if (i % 2 == 0) {
        oursRuns.add(run(ours));
        baselineRuns.add(run(baseline));
      } else {
        baselineRuns.add(run(baseline));
        oursRuns.add(run(ours));
      }
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put(
        "method",
        "wall time from ProcessBuilder.start() to the child's first stdout line, after its first"
            + " parse; fresh JVM per run, default flags, ABBA order");
    result.put("java", javaBinary().toString());
    result.put("runs", runs);
    result.put("voicehooks", series(ours, oursRuns));
    result.put("jackson", series(baseline, baselineRuns));
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), result);
    System.out.printf(
        "Cold start, median of %d: VoiceHooks %.1f ms, Jackson readTree %.1f ms%n",
        runs, median(oursRuns), median(baselineRuns));
  }

  private static Map<String, Object> series(Class<?> main, List<Run> runs) {
    Map<String, Object> series = new LinkedHashMap<>();
    series.put("main", main.getName());
    series.put("wallMs", runs.stream().map(Run::wallMs).toList());
    series.put("jvmMs", runs.stream().map(Run::jvmMs).toList());
    return series;
  }

  private static double median(List<Run> runs) {
    double[] sorted = runs.stream().mapToDouble(Run::wallMs).sorted().toArray();
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static Run run(Class<?> main) throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(
                javaBinary().toString(),
                "-cp",
                System.getProperty("java.class.path"),
                main.getName())
            .redirectError(ProcessBuilder.Redirect.INHERIT);
    long start = System.nanoTime();
    Process process = builder.start();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII))) {
      String first = out.readLine();
      long ready = System.nanoTime();
      String second = out.readLine();
      int exit = process.waitFor();
      if (exit != 0 || first == null || !first.startsWith("ready ") || second == null) {
        throw new IllegalStateException(main.getSimpleName() + " failed with exit code " + exit);
      }
      long jvmMs = Long.parseLong(second.substring("jvm-ms ".length()).trim());
      return new Run((ready - start) / 1e6, jvmMs);
    } finally {
      process.destroy();
    }
  }

  private static Path javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }
}
