package io.voicehooks.examples;

import io.voicehooks.agni.AgniEventListener;
import io.voicehooks.agni.AgniWebhookParser;
import io.voicehooks.agni.CallCompletedEvent;
import io.voicehooks.agni.CallData;
import io.voicehooks.agni.PostCallAnalysis;
import io.voicehooks.core.CallSummary;
import io.voicehooks.core.WebhookHandler;
import io.voicehooks.core.WebhookRequest;
import io.voicehooks.core.WebhookResponse;
import io.voicehooks.testing.Sample;
import io.voicehooks.testing.Samples;
import java.io.PrintStream;

/**
 * Receives one Agni {@code call.completed} delivery with a listener callback and prints its typed
 * fields. Agni signs nothing: the parser checks the envelope's {@code org_id} instead.
 */
public final class AgniListenerExample {
  private AgniListenerExample() {}

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
        AgniWebhookParser.builder()
            .expectedOrgId("1268c1f0-19f3-47db-aefb-c16a7c3ace6e") // yours, from Agni's settings
            .build()
            .handler(
                new AgniEventListener() {
                  @Override
                  public void onCallCompleted(CallCompletedEvent event) {
                    CallData call = event.data(); // fields Agni leaves out are null
                    PostCallAnalysis analysis = call.postCallAnalysis();
                    out.println("call session  " + event.sessionId());
                    out.println("status        " + call.status().value()); // an OpenEnum
                    out.println("channel       " + call.channel().value());
                    out.println("duration      " + call.duration()); // a Duration
                    out.println("started at    " + call.startedAt()); // an Instant
                    out.println("cost          " + call.costTotal()); // a BigDecimal
                    out.println("sentiment     " + analysis.sentiment().value());
                    out.println("disposition   " + analysis.disposition().value());
                    out.println("transcript    " + call.transcripts().size() + " entries");
                    out.println("summary       " + call.summary());
                    CallSummary summary = event.callSummary(); // the same for every provider
                    out.println(
                        "as a summary  " + summary.outcome() + " after " + summary.duration());
                  }
                });

    // What Agni POSTs. In your endpoint: the request's headers and its body bytes as received.
    Sample delivery = Samples.agni().callCompleted().build();
    WebhookResponse answer = handler.handle(WebhookRequest.of(delivery.headers(), delivery.body()));
    out.println("answered      " + answer.status() + " " + answer.body());
  }
}
