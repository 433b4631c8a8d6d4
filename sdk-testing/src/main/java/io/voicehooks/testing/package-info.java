/**
 * Test helpers for webhook endpoints that receive Agni, Vaani, Agntix and cllr deliveries: a
 * Standard Webhooks signer ({@link io.voicehooks.testing.SvixSigner}), realistic sample deliveries
 * of every documented event ({@link io.voicehooks.testing.Samples}), and a simulator that delivers
 * them over real HTTP with each provider's headers, timeout and retry schedule on a virtual clock
 * ({@link io.voicehooks.testing.WebhookSimulator}).
 *
 * <pre>{@code
 * WebhookSimulator simulator = WebhookSimulator.create();
 * URI endpoint = URI.create("http://127.0.0.1:" + port + "/webhooks/agni");
 *
 * DeliveryReport report = simulator.deliver(endpoint,
 *     Samples.agni().callCompleted().callSessionId("cs-42").transcriptTurns(50).build());
 * assertThat(report.delivered()).isTrue();
 *
 * List<DeliveryReport> reports = simulator.deliverAll(endpoint,
 *     Samples.vaani().lifecycle("room_1", VaaniSamples.Direction.OUTBOUND),
 *     DeliveryOptions.defaults().withCopies(2).withShuffle(7));
 * }</pre>
 *
 * <p>Add this module in test scope only. Everything in this package is non-null unless annotated
 * {@code @Nullable}.
 */
@NullMarked
package io.voicehooks.testing;

import org.jspecify.annotations.NullMarked;
