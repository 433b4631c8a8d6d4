package io.voicehooks.examples;

import io.voicehooks.core.SharedSecretVerifier;
import io.voicehooks.core.WebhookHandler;
import io.voicehooks.testing.Sample;
import io.voicehooks.testing.Samples;
import io.voicehooks.testing.VaaniSamples;
import io.voicehooks.vaani.CallEndedEvent;
import io.voicehooks.vaani.CallPostprocessingEvent;
import io.voicehooks.vaani.CallRingingEvent;
import io.voicehooks.vaani.CallStartedEvent;
import io.voicehooks.vaani.UserPickedUpEvent;
import io.voicehooks.vaani.VaaniEventListener;
import io.voicehooks.vaani.VaaniWebhookParser;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Receives the deliveries of one outbound Vaani call, from {@code call_started} to {@code
 * call_postprocessing}, with one listener method per event, and prints their typed fields.
 *
 * <p>Vaani takes only an endpoint URL and sends no header, so the secret that authenticates its
 * deliveries rides in that URL: {@code https://<your host>/webhooks/vaani?token=<secret>}.
 */
public final class VaaniListenerExample {
  private VaaniListenerExample() {}

  /**
   * Runs the example.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    run(System.out);
  }

  static void run(PrintStream out) {
    // In production: System.getenv("VAANI_URL_SECRET"), 32 random bytes, base64url-encoded.
    String secret = newUrlSecret();
    WebhookHandler handler =
        WebhookHandler.builder(
                VaaniWebhookParser.builder()
                    .verifier(SharedSecretVerifier.queryParameter("token", secret))
                    .build())
            .listener(
                new VaaniEventListener() {
                  @Override
                  public void onCallStarted(CallStartedEvent event) {
                    out.println("started      " + event.roomName() + " to " + event.phoneNumber());
                  }

                  @Override
                  public void onCallRinging(CallRingingEvent event) {
                    out.println("ringing      " + event.status().value());
                  }

                  @Override
                  public void onUserPickedUp(UserPickedUpEvent event) {
                    out.println("picked up    " + event.status().value());
                  }

                  @Override
                  public void onCallEnded(CallEndedEvent event) {
                    // Vaani sends seconds here and milliseconds in call_postprocessing: both
                    // arrive as a Duration.
                    out.println(
                        "ended        after "
                            + event.callDuration()
                            + ", "
                            + event.endReason().value());
                  }

                  @Override
                  public void onCallPostprocessing(CallPostprocessingEvent event) {
                    out.println("summary      " + event.summary());
                    out.println("turns        " + event.turns().size() + " (from the transcript)");
                    out.println("entities     " + event.entities());
                    out.println("recording    " + event.recordingUrl());
                  }
                })
            .build();

    for (Sample delivery :
        Samples.vaani().lifecycle("room_123abc", VaaniSamples.Direction.OUTBOUND)) {
      // What a server adapter passes along: the raw path and query of the request line.
      handler.handle(delivery.toRequest("/webhooks/vaani?token=" + secret));
    }
  }

  /** {@return an unguessable URL secret: 32 random bytes, base64url without padding} */
  static String newUrlSecret() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
