package io.voicehooks.benchmarks;

import java.lang.management.ManagementFactory;

/**
 * What a cold-start child prints once its first event is parsed: {@code ready <n>} at once (the
 * moment {@link ColdStart} times), then {@code jvm-ms <ms>}, the milliseconds from the JVM's own
 * start time to that moment, read only afterwards so that loading the management classes is not
 * counted.
 */
final class Ready {
  private Ready() {}

  static void report(String parsed) {
    long now = System.currentTimeMillis();
    System.out.println("ready " + parsed.length());
    System.out.flush();
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    System.out.println("jvm-ms " + (now - jvmStart));
  }
}
