/**
 * Typed webhooks from Agni: the {@code call.completed} event, sent when a call session ends, with
 * the call's metadata, cost, AI analysis and transcript.
 *
 * <pre>{@code
 * AgniWebhookParser parser = AgniWebhookParser.builder()
 *     .expectedOrgId("1268c1f0-19f3-47db-aefb-c16a7c3ace6e")
 *     .build();
 * WebhookHandler handler = parser.handler(new AgniEventListener() {
 *   @Override
 *   public void onCallCompleted(CallCompletedEvent event) {
 *     CallData call = event.data();
 *     crm.logCall(event.sessionId(), call.status(), call.duration(), call.summary());
 *   }
 * });
 * WebhookResponse answer = handler.handle(WebhookRequest.of(headers, rawBody));
 * }</pre>
 *
 * <p>Agni signs nothing; {@link io.voicehooks.agni.AgniWebhookParser} checks {@code org_id}
 * instead. Durations are {@link java.time.Duration}s, timestamps {@link java.time.Instant}s, the
 * cost a {@link java.math.BigDecimal}; value sets are {@link io.voicehooks.core.OpenEnum}s.
 */
@NullMarked
package io.voicehooks.agni;

import org.jspecify.annotations.NullMarked;
