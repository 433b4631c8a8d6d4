package io.voicehooks.vaani;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voicehooks.core.SharedSecretVerifier;
import io.voicehooks.core.WebhookHandler;
import io.voicehooks.core.WebhookHeaders;
import io.voicehooks.core.WebhookRequest;
import io.voicehooks.core.WebhookResponse;
import io.voicehooks.fixtures.Fixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class VaaniEventListenerTest {
  /** Records which method each event reached. */
  private static final class Recorder implements VaaniEventListener {
    final List<String> calls = new ArrayList<>();

    @Override
    public void onCallStarted(CallStartedEvent event) {
      calls.add("onCallStarted:" + event.roomName());
    }

    @Override
    public void onCallRinging(CallRingingEvent event) {
      calls.add("onCallRinging:" + event.roomName());
    }

    @Override
    public void onUserPickedUp(UserPickedUpEvent event) {
      calls.add("onUserPickedUp:" + event.roomName());
    }

    @Override
    public void onCallRejected(CallRejectedEvent event) {
      calls.add("onCallRejected:" + event.roomName());
    }

    @Override
    public void onCallNoAnswer(CallNoAnswerEvent event) {
      calls.add("onCallNoAnswer:" + event.roomName());
    }

    @Override
    public void onCallFailed(CallFailedEvent event) {
      calls.add("onCallFailed:" + event.roomName());
    }

    @Override
    public void onHumanTransferInitiated(HumanTransferInitiatedEvent event) {
      calls.add("onHumanTransferInitiated:" + event.roomName());
    }

    @Override
    public void onHumanTransferSucceeded(HumanTransferSucceededEvent event) {
      calls.add("onHumanTransferSucceeded:" + event.roomName());
    }

    @Override
    public void onHumanTransferFailed(HumanTransferFailedEvent event) {
      calls.add("onHumanTransferFailed:" + event.roomName());
    }

    @Override
    public void onCallEnded(CallEndedEvent event) {
      calls.add("onCallEnded:" + event.roomName());
    }

    @Override
    public void onCallPostprocessing(CallPostprocessingEvent event) {
      calls.add("onCallPostprocessing:" + event.roomName());
    }

    @Override
    public void onUnknown(UnknownVaaniEvent event) {
      calls.add("onUnknown:" + event.eventType());
    }
  }

  @Test
  void accept_everyFixture_reachesItsOwnMethod() {
    VaaniWebhookParser parser = VaaniWebhookParser.create();
    Recorder recorder = new Recorder();
    for (String type : Fixtures.VAANI_EVENT_TYPES) {
      recorder.accept(parser.parse(Fixtures.bytes("vaani", type + ".json")));
    }
    recorder.accept(parser.parse(Fixtures.bytes("vaani", "unknown-event.json")));
    assertThat(recorder.calls)
        .containsExactly(
            "onCallStarted:room_123abc",
            "onCallRinging:room_123abc",
            "onUserPickedUp:room_123abc",
            "onCallRejected:room_123abc",
            "onCallNoAnswer:room_123abc",
            "onCallFailed:room_123abc",
            "onHumanTransferInitiated:room_123abc",
            "onHumanTransferSucceeded:room_123abc",
            "onHumanTransferFailed:room_123abc",
            "onCallEnded:room_123abc",
            "onCallPostprocessing:room_123abc",
            "onUnknown:call_recording_ready");
  }

  @Test
  void accept_defaultMethods_doNothing() {
    VaaniWebhookParser parser = VaaniWebhookParser.create();
    VaaniEventListener empty = new VaaniEventListener() {};
    int dispatched = 0;
    for (String type : Fixtures.VAANI_EVENT_TYPES) {
      empty.accept(parser.parse(Fixtures.bytes("vaani", type + ".json")));
      dispatched++;
    }
    empty.accept(parser.parse(Fixtures.bytes("vaani", "unknown-event.json")));
    assertThat(dispatched).isEqualTo(11);
  }

  @Test
  void handler_outboundSequence_dispatchesEachEventOnceAndTracksTheCall() {
    Recorder recorder = new Recorder();
    VaaniCallTracker calls = VaaniCallTracker.create(100);
    WebhookHandler handler = VaaniWebhookParser.create().handler(calls.andThen(recorder));
    for (String name :
        List.of(
            "call_started.json",
            "call_ringing.json",
            "user_picked_up_at.json",
            "call_ringing.json", // a retried delivery: answered 200, not dispatched again
            "call_ended.json",
            "call_postprocessing.json")) {
      WebhookResponse response = handler.handle(WebhookRequest.of(Fixtures.bytes("vaani", name)));
      assertThat(response.status()).as(name).isEqualTo(200);
    }
    assertThat(recorder.calls)
        .containsExactly(
            "onCallStarted:room_123abc",
            "onCallRinging:room_123abc",
            "onUserPickedUp:room_123abc",
            "onCallEnded:room_123abc",
            "onCallPostprocessing:room_123abc");
    CallState state = calls.state("room_123abc");
    assertThat(state.phase()).isEqualTo(CallPhase.POSTPROCESSED);
    assertThat(state.eventsSeen()).isEqualTo(5);
  }

  @Test
  void handler_inboundSequenceWithFailedTransfer_dispatchesEveryEvent() {
    Recorder recorder = new Recorder();
    WebhookHandler handler = VaaniWebhookParser.create().handler(recorder);
    for (String name :
        List.of(
            "call_started.json",
            "user_picked_up_at.json",
            "human_transfer_initiated.json",
            "human_transfer_failed.json",
            "call_ended.json",
            "call_postprocessing.json",
            "unknown-event.json")) {
      assertThat(handler.handle(WebhookRequest.of(Fixtures.bytes("vaani", name))).status())
          .as(name)
          .isEqualTo(200);
    }
    assertThat(recorder.calls)
        .containsExactly(
            "onCallStarted:room_123abc",
            "onUserPickedUp:room_123abc",
            "onHumanTransferInitiated:room_123abc",
            "onHumanTransferFailed:room_123abc",
            "onCallEnded:room_123abc",
            "onCallPostprocessing:room_123abc",
            "onUnknown:call_recording_ready");
  }

  @Test
  void handler_badDeliveries_answer400WithoutEchoingThePayload() {
    Recorder recorder = new Recorder();
    WebhookHandler handler = VaaniWebhookParser.create().handler(recorder);
    WebhookResponse missingRoom =
        handler.handle(
            WebhookRequest.of(
                "{\"event\":\"call_started\",\"phone_number\":\"+1555\"}".getBytes(UTF_8)));
    assertThat(missingRoom.status()).isEqualTo(400);
    assertThat(missingRoom.body()).contains("room_name").doesNotContain("+1555");
    assertThat(handler.handle(WebhookRequest.of("[]".getBytes(UTF_8))).status()).isEqualTo(400);
    assertThat(recorder.calls).isEmpty();
  }

  @Test
  void handler_withSharedSecret_rejectsDeliveriesWithoutIt() {
    Recorder recorder = new Recorder();
    WebhookHandler handler =
        WebhookHandler.builder(VaaniWebhookParser.create())
            .verifier(SharedSecretVerifier.header("X-Vaani-Secret", "s3cret"))
            .listener(recorder)
            .build();
    byte[] body = Fixtures.bytes("vaani", "call_started.json");
    assertThat(handler.handle(WebhookRequest.of(body)).status()).isEqualTo(401);
    assertThat(
            handler
                .handle(WebhookRequest.of(WebhookHeaders.of("X-Vaani-Secret", "s3cret"), body))
                .status())
        .isEqualTo(200);
    assertThat(recorder.calls).containsExactly("onCallStarted:room_123abc");
  }

  @Test
  void handler_nullListener_isRejected() {
    assertThatThrownBy(() -> VaaniWebhookParser.create().handler(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("listener");
  }
}
