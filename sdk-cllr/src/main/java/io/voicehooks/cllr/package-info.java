/**
 * The cllr post-call webhook, typed: cllr POSTs one flat JSON object per completed call, with no
 * event-type field, no signature, a 10-second timeout and no retries.
 *
 * <pre>{@code
 * WebhookHandler handler = WebhookHandler.builder(CllrWebhookParser.create())
 *     .verifier(SharedSecretVerifier.bearer(System.getenv("CLLR_SHARED_SECRET"))) // optional
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
 * <p>Everything in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.voicehooks.cllr;

import org.jspecify.annotations.NullMarked;
