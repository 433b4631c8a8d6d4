/**
 * The contracts every VoiceHooks provider module builds on: the delivery ({@link
 * io.voicehooks.core.WebhookRequest}, {@link io.voicehooks.core.WebhookHeaders}), the parser and
 * its typed events ({@link io.voicehooks.core.WebhookParser}, {@link
 * io.voicehooks.core.WebhookEvent}), signature verification ({@link
 * io.voicehooks.core.SvixSignatureVerifier}), and the exceptions ({@link
 * io.voicehooks.core.WebhookException} and its subclasses).
 *
 * <p>Verifying a Standard Webhooks (Svix) delivery by hand:
 *
 * <pre>{@code
 * SvixSignatureVerifier verifier = SvixSignatureVerifier.builder()
 *     .secret(System.getenv("AGNTIX_WEBHOOK_SECRET"))
 *     .build();
 * WebhookRequest request = WebhookRequest.of(WebhookHeaders.of(headerMap), rawBody);
 * verifier.verify(request); // throws WebhookVerificationException
 * }</pre>
 *
 * <p>Everything in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.voicehooks.core;

import org.jspecify.annotations.NullMarked;
