/**
 * JMH benchmarks of VoiceHooks, each against its baseline in the same run: {@link
 * io.voicehooks.benchmarks.VerifyBenchmark} (signature verification vs {@code com.svix:svix} and a
 * bare MAC), {@link io.voicehooks.benchmarks.ParseBenchmark} (typed parsing vs plain Jackson), and
 * {@link io.voicehooks.benchmarks.HandleBenchmark} (the whole handler vs verify + parse), plus
 * {@link io.voicehooks.benchmarks.ColdStart} (first event in a fresh JVM) and {@link
 * io.voicehooks.benchmarks.Report}, which writes {@code RESULTS.md}. Run them with {@code
 * benchmarks/run quick} or {@code benchmarks/run full}.
 */
package io.voicehooks.benchmarks;
