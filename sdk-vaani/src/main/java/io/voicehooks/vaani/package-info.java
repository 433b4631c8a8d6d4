/**
 * Vaani's call lifecycle webhooks, typed: eleven flat JSON events keyed on {@code event} and
 * correlated by {@code room_name}, from {@code call_started} to {@code call_postprocessing}.
 *
 * <pre>{@code
 * VaaniCallTracker calls = VaaniCallTracker.create(10_000);
 * WebhookHandler handler = VaaniWebhookParser.create().handler(calls.andThen(new VaaniEventListener() {
 *   @Override
 *   public void onCallEnded(CallEndedEvent event) {
 *     log.info("{} ended after {}", event.roomName(), event.callDuration());
 *   }
 *
 *   @Override
 *   public void onCallPostprocessing(CallPostprocessingEvent event) {
 *     crm.save(event.callSummary()); // summary, transcript turns, entities, recording URL
 *   }
 * }));
 * }</pre>
 *
 * <p>{@code call_duration} is seconds in {@code call_ended} and milliseconds in {@code
 * call_postprocessing}; both read as a {@link java.time.Duration}. Vaani sends no timestamps and no
 * signature, and its settings take only an endpoint URL: protect the endpoint with a secret in that
 * URL ({@code https://<your host>/webhooks/vaani?token=<secret>}), checked by {@link
 * io.voicehooks.core.SharedSecretVerifier#queryParameter} on the {@link
 * io.voicehooks.core.WebhookHandler}, whose adapter passes the request target.
 *
 * <p>Everything in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.voicehooks.vaani;

import org.jspecify.annotations.NullMarked;
