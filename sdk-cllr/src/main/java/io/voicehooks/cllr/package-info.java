/**
 * The cllr post-call webhook, typed: cllr POSTs one flat JSON object per completed call, with no
 * event-type field, no signature, a 10-second timeout and no retries.
 *
 * <pre>{@code
 * WebhookHandler handler = WebhookHandler.builder(CllrWebhookParser.create())
 *     // cllr takes only a URL: https://<your host>/webhooks/cllr?token=<CLLR_URL_SECRET>
 *     .verifier(SharedSecretVerifier.queryParameter("token", System.getenv("CLLR_URL_SECRET")))
 *     .executor(workers) // answer within the 10 s: a lost delivery is never retried
 *     .listener(new CllrEventListener() {
 *       @Override
 *       public void onPostCall(PostCallEvent call) {
 *         crm.logCall(call.callId(), call.callAnalysis(), call.callerDetails());
 *       }
 *     })
 *     .build();
 * }</pre>
 *
 * <p>The payload is {@link io.voicehooks.cllr.PostCallEvent}, with {@link
 * io.voicehooks.cllr.CallerDetails} and {@link io.voicehooks.cllr.CallAnalysis}. The transcript is
 * not in the payload: {@link io.voicehooks.cllr.CllrTranscriptFetcher} downloads it from {@code
 * transcriptUri}.
 *
 * <p>The handler's adapter must pass the request target ({@code handler.handle(target, headers,
 * body)}): the URL secret is in it.
 *
 * <p>Everything in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.voicehooks.cllr;

import org.jspecify.annotations.NullMarked;
