/**
 * Agntix webhooks, verified with Svix signatures, and the messages API client.
 *
 * <p>Agntix sends {@code session.created} when a session starts and {@code session.ended}, with the
 * post-call analysis, when it closes. The webhook carries no transcript; fetch it with {@link
 * io.voicehooks.agntix.AgntixClient}.
 *
 * <pre>{@code
 * AgntixWebhookParser parser = AgntixWebhookParser.builder()
 *     .secret(System.getenv("AGNTIX_WEBHOOK_SECRET"))
 *     .build();
 * WebhookHandler handler = parser.handler(new AgntixEventListener() {
 *   @Override
 *   public void onSessionEnded(SessionEndedEvent event) {
 *     String contact = event.metadata().sessionVariable("crmContactId");
 *     crm.logCall(contact, event.analysis().summary(), event.duration());
 *   }
 * });
 * WebhookResponse answer = handler.handle(WebhookRequest.of(headers, rawBody));
 * }</pre>
 */
@NullMarked
package io.voicehooks.agntix;

import org.jspecify.annotations.NullMarked;
