package io.voicehooks.examples;

import io.voicehooks.agntix.AgntixEventListener;
import io.voicehooks.agntix.AgntixWebhookParser;
import io.voicehooks.agntix.SessionCreatedEvent;
import io.voicehooks.agntix.SessionEndedEvent;
import io.voicehooks.core.WebhookHandler;
import io.voicehooks.core.WebhookRequest;
import io.voicehooks.core.WebhookResponse;
import io.voicehooks.testing.Sample;
import io.voicehooks.testing.Samples;
import io.voicehooks.testing.SvixSigner;
import java.io.PrintStream;

/**
 * Receives Svix-signed Agntix {@code session.created} and {@code session.ended} deliveries with a
 * listener callback and prints their typed fields; a delivery with a forged signature is refused
 * before it is parsed.
 */
public final class AgntixListenerExample {
  private AgntixListenerExample() {}

  /**
   * Runs the example.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    run(System.out);
  }

  static void run(PrintStream out) {
    String secret = SvixSigner.generateSecret(); // yours: AGNTIX_WEBHOOK_SECRET, "whsec_..."
    WebhookHandler handler =
        AgntixWebhookParser.create(secret)
            .handler(
                new AgntixEventListener() {
                  @Override
                  public void onSessionCreated(SessionCreatedEvent event) {
                    out.println("created      " + event.sessionId() + " at " + event.createdAt());
                    out.println("direction    " + event.direction().value());
                    out.println("customer     " + event.metadata().customerPhoneNumber());
                  }

                  @Override
                  public void onSessionEnded(SessionEndedEvent event) {
                    out.println("ended        " + event.endedAt() + ", after " + event.duration());
                    // Each part of the analysis is optional: null-check them in real code.
                    out.println("summary      " + event.analysis().summary());
                    out.println("resolution   " + event.analysis().resolution().classification());
                    out.println("sentiment    " + event.analysis().sentiment().label());
                    out.println("variables    " + event.metadata().sessionVariables());
                  }
                });

    // What Svix POSTs for Agntix: signed with the endpoint's secret.
    SvixSigner agntix = SvixSigner.withSecret(secret);
    for (Sample delivery :
        new Sample[] {
          Samples.agntix().sessionCreated().signedWith(agntix).build(),
          Samples.agntix().sessionEnded().signedWith(agntix).build()
        }) {
      WebhookResponse answer =
          handler.handle(WebhookRequest.of(delivery.headers(), delivery.body()));
      out.println("answered     " + answer.status() + " " + answer.body());
    }

    Sample forged =
        Samples.agntix()
            .sessionEnded()
            .signedWith(SvixSigner.withSecret(SvixSigner.generateSecret()))
            .build();
    WebhookResponse refused = handler.handle(WebhookRequest.of(forged.headers(), forged.body()));
    out.println("forged       " + refused.status() + " " + refused.body());
  }
}
