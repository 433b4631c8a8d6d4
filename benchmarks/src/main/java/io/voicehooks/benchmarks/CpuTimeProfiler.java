package io.voicehooks.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler that reports the CPU time the benchmark threads spent per operation ({@code
 * cpu.time.norm}, ns/op): the CPU time of JMH's worker threads over an iteration divided by its
 * operations. Use it with {@code -prof io.voicehooks.benchmarks.CpuTimeProfiler}.
 *
 * <p>On a machine shared with other work, throughput counts the time the benchmark thread waited
 * for a core; CPU time does not, so ratios of CPU time stay steady when the load changes. It counts
 * the benchmark code only: not the JIT compiler (which may still be busy after a short warm-up),
 * and not the garbage collector's own threads (allocation shows in {@code -prof gc}'s bytes per
 * operation instead).
 */
public final class CpuTimeProfiler implements InternalProfiler {
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final Map<Long, Long> before = new HashMap<>();

  @Override
  public String getDescription() {
    return "CPU time of the benchmark threads per operation";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    before.clear();
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (isWorker(info)) {
        before.put(info.getThreadId(), threads.getThreadCpuTime(info.getThreadId()));
      }
    }
  }

  @Override
  public Collection<? extends Result<?>> afterIteration(
      BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
    long cpu = 0;
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (isWorker(info)) {
        long now = threads.getThreadCpuTime(info.getThreadId());
        if (now >= 0) {
          cpu += now - before.getOrDefault(info.getThreadId(), 0L);
        }
      }
    }
    long ops = result.getMetadata().getAllOps();
    double perOp = ops == 0 || cpu == 0 ? Double.NaN : (double) cpu / ops;
    return List.of(new ScalarResult("cpu.time.norm", perOp, "ns/op", AggregationPolicy.AVG));
  }

  private static boolean isWorker(ThreadInfo info) {
    return info != null && info.getThreadName().contains("-jmh-worker-");
  }
}
