package io.voicehooks.examples;

import io.voicehooks.core.WebhookHandler;
import io.voicehooks.core.WebhookRequest;
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

/**
 * Receives the deliveries of one outbound Vaani call, from {@code call_started} to {@code
 * call_postprocessing}, with one listener method per event, and prints their typed fields.
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
    WebhookHandler handler =
        VaaniWebhookParser.create()
            .handler(
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
                });

    for (Sample delivery :
        Samples.vaani().lifecycle("room_123abc", VaaniSamples.Direction.OUTBOUND)) {
      handler.handle(WebhookRequest.of(delivery.headers(), delivery.body()));
    }
  }
}
