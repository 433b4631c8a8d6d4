package io.voicehooks.examples;

import io.voicehooks.cllr.CallAnalysis;
import io.voicehooks.cllr.CallerDetails;
import io.voicehooks.cllr.CllrEventListener;
import io.voicehooks.cllr.CllrWebhookParser;
import io.voicehooks.cllr.PostCallEvent;
import io.voicehooks.core.SharedSecretVerifier;
import io.voicehooks.core.WebhookHandler;
import io.voicehooks.core.WebhookResponse;
import io.voicehooks.testing.Sample;
import io.voicehooks.testing.Samples;
import java.io.PrintStream;

/**
 * Receives one cllr post-call delivery with a listener callback and prints its typed fields. cllr
 * never retries and allows 10 seconds: in a server, give the handler an {@code executor(...)} or a
 * durable inbox so that it answers at once.
 *
 * <p>cllr takes only an endpoint URL and sends no header, so the secret that authenticates its
 * deliveries rides in that URL: {@code https://<your host>/webhooks/cllr?token=<secret>}.
 */
public final class CllrListenerExample {
  private CllrListenerExample() {}

  /**
   * Runs the example.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    run(System.out);
  }

  static void run(PrintStream out) {
    // In production: System.getenv("CLLR_URL_SECRET"), 32 random bytes, base64url-encoded.
    String secret = VaaniListenerExample.newUrlSecret();
    WebhookHandler handler =
        WebhookHandler.builder(
                CllrWebhookParser.builder()
                    .verifier(SharedSecretVerifier.queryParameter("token", secret))
                    .build())
            .listener(
                new CllrEventListener() {
                  @Override
                  public void onPostCall(PostCallEvent event) {
                    CallerDetails caller = event.callerDetails();
                    CallAnalysis analysis = event.callAnalysis();
                    out.println("call         " + event.callId());
                    out.println("caller       " + caller.name() + ", " + caller.phoneNumber());
                    out.println("scheduled    " + caller.scheduledTimeAsInstant()); // an Instant
                    out.println("outcome      " + analysis.callOutcome());
                    out.println("mood, score  " + analysis.mood() + ", " + analysis.score());
                    out.println("summary      " + analysis.summary());
                    out.println("transcript   " + event.transcriptUri());
                  }
                })
            .build();

    Sample delivery = Samples.cllr().postCall().build();
    // What a server adapter passes along: the raw path and query of the request line.
    WebhookResponse answer = handler.handle(delivery.toRequest("/webhooks/cllr?token=" + secret));
    out.println("answered     " + answer.status() + " " + answer.body());
    WebhookResponse guessed = handler.handle(delivery.toRequest("/webhooks/cllr?token=guess"));
    out.println("wrong token  " + guessed.status() + " " + guessed.body());
  }
}
