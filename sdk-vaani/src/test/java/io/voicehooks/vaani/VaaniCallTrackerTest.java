package io.voicehooks.vaani;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voicehooks.core.OpenEnum;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

final class VaaniCallTrackerTest {
  private static final String ROOM = "room_123abc";

  static CallStartedEvent started(String room) {
    return new CallStartedEvent(room, OpenEnum.of(CallStatus.DIALING), "+1234567890", Map.of());
  }

  static CallRingingEvent ringing(String room) {
    return new CallRingingEvent(room, OpenEnum.of(CallStatus.RINGING), Map.of());
  }

  static UserPickedUpEvent pickedUp(String room) {
    return new UserPickedUpEvent(room, OpenEnum.of(CallStatus.ACTIVE), Map.of());
  }

  static CallRejectedEvent rejected(String room) {
    return new CallRejectedEvent(room, OpenEnum.of(CallStatus.REJECTED), Map.of());
  }

  static CallNoAnswerEvent noAnswer(String room) {
    return new CallNoAnswerEvent(room, OpenEnum.of(CallStatus.NO_ANSWER), Map.of());
  }

  static CallFailedEvent failed(String room) {
    return new CallFailedEvent(room, OpenEnum.of(CallStatus.FAILED), "SIP_404_NOT_FOUND", Map.of());
  }

  static HumanTransferInitiatedEvent transferInitiated(String room) {
    return new HumanTransferInitiatedEvent(
        room, OpenEnum.of(TransferType.WARM), "+919876543210", Map.of());
  }

  static HumanTransferSucceededEvent transferSucceeded(String room) {
    return new HumanTransferSucceededEvent(
        room, OpenEnum.of(TransferType.WARM), "+919876543210", "human_agent_1712485300", Map.of());
  }

  static HumanTransferFailedEvent transferFailed(String room) {
    return new HumanTransferFailedEvent(
        room,
        OpenEnum.of(TransferType.WARM),
        "+919876543210",
        OpenEnum.of(TransferFailureReason.BUSY),
        "busy",
        Map.of());
  }

  static CallEndedEvent ended(String room) {
    return new CallEndedEvent(
        room,
        Duration.ofMillis(42_500),
        OpenEnum.of(EndReason.AGENT_REQUESTED_DISCONNECT),
        Map.of());
  }

  static CallPostprocessingEvent postprocessed(String room) {
    return new CallPostprocessingEvent(
        room,
        Duration.ofMillis(42_501),
        "User: Hello. Agent: Hi.",
        "Customer said hello.",
        null,
        "https://storage.vaani.ai/recordings/call_123.mp3",
        Map.of());
  }

  private static CallPhase phaseAfter(VaaniCallTracker tracker, VaaniEvent event) {
    CallState state = tracker.apply(event);
    assertThat(state).isNotNull();
    assertThat(state).isEqualTo(tracker.state(event.roomName()));
    return state.phase();
  }

  @Test
  void apply_outboundInOrder_walksEveryPhase() {
    VaaniCallTracker tracker = VaaniCallTracker.create(10);
    assertThat(phaseAfter(tracker, started(ROOM))).isEqualTo(CallPhase.DIALING);
    assertThat(phaseAfter(tracker, ringing(ROOM))).isEqualTo(CallPhase.RINGING);
    assertThat(phaseAfter(tracker, pickedUp(ROOM))).isEqualTo(CallPhase.ACTIVE);
    assertThat(phaseAfter(tracker, ended(ROOM))).isEqualTo(CallPhase.ENDED);
    CallState state = tracker.apply(postprocessed(ROOM));
    assertThat(state)
        .isEqualTo(
            new CallState(
                ROOM,
                CallPhase.POSTPROCESSED,
                null,
                "+1234567890",
                null,
                null,
                null,
                OpenEnum.of(EndReason.AGENT_REQUESTED_DISCONNECT),
                Duration.ofMillis(42_501),
                true,
                false,
                true,
                "call_postprocessing",
                5,
                TransferAttempts.NONE));
    assertThat(state.phase().isOver()).isTrue();
    assertThat(state.phase().isFailure()).isFalse();
  }

  @Test
  void apply_inboundWithTransfer_walksEveryPhase() {
    VaaniCallTracker tracker = VaaniCallTracker.create(10);
    assertThat(phaseAfter(tracker, started(ROOM))).isEqualTo(CallPhase.DIALING);
    assertThat(phaseAfter(tracker, pickedUp(ROOM))).isEqualTo(CallPhase.ACTIVE);
    assertThat(phaseAfter(tracker, transferInitiated(ROOM))).isEqualTo(CallPhase.TRANSFERRING);
    assertThat(tracker.state(ROOM).transferTarget()).isEqualTo("+919876543210");
    assertThat(phaseAfter(tracker, transferSucceeded(ROOM))).isEqualTo(CallPhase.TRANSFERRED);
    assertThat(tracker.state(ROOM).agentIdentity()).isEqualTo("human_agent_1712485300");
    assertThat(phaseAfter(tracker, ended(ROOM))).isEqualTo(CallPhase.ENDED);
    assertThat(tracker.state(ROOM).duration()).isEqualTo(Duration.ofMillis(42_500));
    assertThat(phaseAfter(tracker, postprocessed(ROOM))).isEqualTo(CallPhase.POSTPROCESSED);
    assertThat(tracker.state(ROOM).eventsSeen()).isEqualTo(6);
  }

  @Test
  void apply_outboundFailures_endInTheirOutcome() {
    VaaniCallTracker tracker = VaaniCallTracker.create(10);
    tracker.apply(started("a"));
    tracker.apply(ringing("a"));
    assertThat(phaseAfter(tracker, rejected("a"))).isEqualTo(CallPhase.REJECTED);
    tracker.apply(started("b"));
    tracker.apply(ringing("b"));
    assertThat(phaseAfter(tracker, noAnswer("b"))).isEqualTo(CallPhase.NO_ANSWER);
    tracker.apply(started("c"));
    assertThat(phaseAfter(tracker, failed("c"))).isEqualTo(CallPhase.FAILED);
    assertThat(tracker.state("c").error()).isEqualTo("SIP_404_NOT_FOUND");
    assertThat(tracker.state("c").phase().isFailure()).isTrue();
    assertThat(tracker.state("c").phase().isOver()).isTrue();
  }

  @Test
  void apply_failedOutcome_neverRegresses() {
    VaaniCallTracker tracker = VaaniCallTracker.create(10);
    tracker.apply(rejected(ROOM));
    for (VaaniEvent late :
        List.of(
            started(ROOM),
            ringing(ROOM),
            pickedUp(ROOM),
            transferSucceeded(ROOM),
            ended(ROOM),
            postprocessed(ROOM),
            failed(ROOM),
            noAnswer(ROOM))) {
      assertThat(phaseAfter(tracker, late)).as(late.eventType()).isEqualTo(CallPhase.REJECTED);
    }
    CallState state = tracker.state(ROOM);
    assertThat(state.postprocessed()).isTrue();
    assertThat(state.phoneNumber()).isEqualTo("+1234567890");
    assertThat(state.error()).isEqualTo("SIP_404_NOT_FOUND");
    assertThat(state.duration()).isEqualTo(Duration.ofMillis(42_501));
    assertThat(state.lastEvent()).isEqualTo("call_no_answer");
    assertThat(state.eventsSeen()).isEqualTo(9);
  }

  @Test
  void apply_outOfOrder_neverMovesBack() {
    VaaniCallTracker tracker = VaaniCallTracker.create(10);
    assertThat(phaseAfter(tracker, pickedUp(ROOM))).isEqualTo(CallPhase.ACTIVE);
    assertThat(phaseAfter(tracker, ringing(ROOM))).isEqualTo(CallPhase.ACTIVE);
    assertThat(phaseAfter(tracker, started(ROOM))).isEqualTo(CallPhase.ACTIVE);
    assertThat(phaseAfter(tracker, postprocessed(ROOM))).isEqualTo(CallPhase.POSTPROCESSED);
    assertThat(phaseAfter(tracker, ended(ROOM))).isEqualTo(CallPhase.POSTPROCESSED);
    assertThat(phaseAfter(tracker, transferInitiated(ROOM))).isEqualTo(CallPhase.POSTPROCESSED);
    CallState state = tracker.state(ROOM);
    assertThat(state.phoneNumber()).isEqualTo("+1234567890");
    assertThat(state.transferTarget()).isEqualTo("+919876543210");
    assertThat(state.endReason().value()).isEqualTo(EndReason.AGENT_REQUESTED_DISCONNECT);
    // call_postprocessing's duration (milliseconds) wins over call_ended's, whatever the order.
    assertThat(state.duration()).isEqualTo(Duration.ofMillis(42_501));
    assertThat(state.lastEvent()).isEqualTo("human_transfer_initiated");
  }

  @Test
  void apply_anyOrder_reachesTheSamePhaseAndFields() {
    List<VaaniEvent> events =
        new ArrayList<>(
            List.of(
                started(ROOM),
                ringing(ROOM),
                pickedUp(ROOM),
                transferInitiated(ROOM),
                transferSucceeded(ROOM),
                ended(ROOM),
                postprocessed(ROOM)));
    VaaniCallTracker reference = VaaniCallTracker.create(1);
    events.forEach(reference::apply);
    CallState expected = reference.state(ROOM);
    assertThat(expected.phase()).isEqualTo(CallPhase.POSTPROCESSED);
    Random random = new Random(42);
    for (int i = 0; i < 500; i++) {
      Collections.shuffle(events, random);
      VaaniCallTracker tracker = VaaniCallTracker.create(1);
      events.forEach(tracker::apply);
      CallState state = tracker.state(ROOM);
      assertThat(withoutArrival(state)).as(events.toString()).isEqualTo(withoutArrival(expected));
    }
  }

  private static CallState withoutArrival(CallState s) {
    return new CallState(
        s.roomName(),
        s.phase(),
        s.status(),
        s.phoneNumber(),
        s.transferTarget(),
        s.agentIdentity(),
        s.error(),
        s.endReason(),
        s.duration(),
        s.answered(),
        s.transferred(),
        s.postprocessed(),
        "-",
        1,
        s.transfers());
  }

  @Test
  void apply_duplicates_changeOnlyTheCount() {
    VaaniCallTracker tracker = VaaniCallTracker.create(10);
    tracker.apply(started(ROOM));
    CallState once = tracker.apply(pickedUp(ROOM));
    CallState twice = tracker.apply(pickedUp(ROOM));
    CallState thrice = tracker.apply(started(ROOM));
    assertThat(twice.phase()).isEqualTo(once.phase()).isEqualTo(CallPhase.ACTIVE);
    assertThat(thrice.phase()).isEqualTo(CallPhase.ACTIVE);
    assertThat(thrice.phoneNumber()).isEqualTo(once.phoneNumber());
    assertThat(twice.eventsSeen()).isEqualTo(3);
    assertThat(thrice.eventsSeen()).isEqualTo(4);
    assertThat(tracker.size()).isEqualTo(1);
  }

  @Test
  void apply_transferRetry_endsTransferredWhateverTheOrder() {
    VaaniCallTracker tracker = VaaniCallTracker.create(10);
    tracker.apply(pickedUp(ROOM));
    assertThat(phaseAfter(tracker, transferInitiated(ROOM))).isEqualTo(CallPhase.TRANSFERRING);
    assertThat(phaseAfter(tracker, transferFailed(ROOM))).isEqualTo(CallPhase.TRANSFER_FAILED);
    assertThat(phaseAfter(tracker, transferInitiated(ROOM))).isEqualTo(CallPhase.TRANSFER_FAILED);
    assertThat(phaseAfter(tracker, transferSucceeded(ROOM))).isEqualTo(CallPhase.TRANSFERRED);
    assertThat(phaseAfter(tracker, transferFailed(ROOM))).isEqualTo(CallPhase.TRANSFERRED);
    assertThat(tracker.state(ROOM).phase().isOver()).isFalse();
  }

  @Test
  void apply_firstFailedOutcome_stays() {
    VaaniCallTracker tracker = VaaniCallTracker.create(10);
    tracker.apply(noAnswer(ROOM));
    assertThat(phaseAfter(tracker, failed(ROOM))).isEqualTo(CallPhase.NO_ANSWER);
    assertThat(phaseAfter(tracker, rejected(ROOM))).isEqualTo(CallPhase.NO_ANSWER);
  }

  @Test
  void apply_interleavedRooms_areTrackedApart() {
    VaaniCallTracker tracker = VaaniCallTracker.create(10);
    tracker.apply(started("a"));
    tracker.apply(started("b"));
    tracker.apply(started("c"));
    tracker.apply(ringing("a"));
    tracker.apply(pickedUp("b"));
    tracker.apply(noAnswer("a"));
    tracker.apply(ringing("c"));
    tracker.apply(transferInitiated("b"));
    tracker.apply(pickedUp("c"));
    tracker.apply(ended("c"));
    tracker.apply(ringing("c"));
    tracker.apply(postprocessed("a"));
    assertThat(tracker.state("a").phase()).isEqualTo(CallPhase.NO_ANSWER);
    assertThat(tracker.state("a").postprocessed()).isTrue();
    assertThat(tracker.state("a").eventsSeen()).isEqualTo(4);
    assertThat(tracker.state("b").phase()).isEqualTo(CallPhase.TRANSFERRING);
    assertThat(tracker.state("b").transferTarget()).isEqualTo("+919876543210");
    assertThat(tracker.state("b").eventsSeen()).isEqualTo(3);
    assertThat(tracker.state("c").phase()).isEqualTo(CallPhase.ENDED);
    assertThat(tracker.state("c").transferTarget()).isNull();
    assertThat(tracker.state("c").lastEvent()).isEqualTo("call_ringing");
    assertThat(tracker.state("c").eventsSeen()).isEqualTo(5);
    assertThat(tracker.size()).isEqualTo(3);
    assertThat(tracker.state("d")).isNull();
  }

  @Test
  void apply_unknownEvents_countButMoveNoPhase() {
    VaaniCallTracker tracker = VaaniCallTracker.create(10);
    UnknownVaaniEvent withRoom =
        new UnknownVaaniEvent("call_queued", "{\"event\":\"call_queued\",\"room_name\":\"r1\"}");
    CallState first = tracker.apply(withRoom);
    assertThat(first.phase()).isEqualTo(CallPhase.UNKNOWN);
    assertThat(first.lastEvent()).isEqualTo("call_queued");
    assertThat(first.phase().isOver()).isFalse();
    assertThat(phaseAfter(tracker, started("r1"))).isEqualTo(CallPhase.DIALING);
    assertThat(phaseAfter(tracker, withRoom)).isEqualTo(CallPhase.DIALING);
    assertThat(tracker.state("r1").eventsSeen()).isEqualTo(3);

    UnknownVaaniEvent withoutRoom = new UnknownVaaniEvent("ping", "{\"event\":\"ping\"}");
    assertThat(tracker.apply(withoutRoom)).isNull();
    assertThat(tracker.size()).isEqualTo(1);
  }

  @Test
  void apply_pastMaxCalls_evictsTheCallUpdatedLeastRecently() {
    VaaniCallTracker tracker = VaaniCallTracker.create(3);
    tracker.apply(started("a"));
    tracker.apply(started("b"));
    tracker.apply(started("c"));
    tracker.apply(ringing("a")); // a is now the most recently updated
    tracker.state("b"); // reading does not refresh
    tracker.apply(started("d"));
    assertThat(tracker.size()).isEqualTo(3);
    assertThat(tracker.state("b")).isNull();
    assertThat(tracker.state("a")).isNotNull();
    tracker.apply(started("e"));
    assertThat(tracker.state("c")).isNull();
    assertThat(tracker.state("a").phase()).isEqualTo(CallPhase.RINGING);
    assertThat(tracker.state("d")).isNotNull();
    assertThat(tracker.state("e")).isNotNull();
    for (int i = 0; i < 100; i++) {
      tracker.apply(started("room-" + i));
      assertThat(tracker.size()).isLessThanOrEqualTo(3);
    }
    assertThat(tracker.size()).isEqualTo(tracker.maxCalls());
  }

  @Test
  void forget_dropsTheCallAndAFreshOneStartsOver() {
    VaaniCallTracker tracker = VaaniCallTracker.create(10);
    tracker.apply(started(ROOM));
    tracker.apply(ended(ROOM));
    CallState forgotten = tracker.forget(ROOM);
    assertThat(forgotten.phase()).isEqualTo(CallPhase.ENDED);
    assertThat(tracker.state(ROOM)).isNull();
    assertThat(tracker.size()).isZero();
    assertThat(tracker.forget(ROOM)).isNull();
    CallState fresh = tracker.apply(ringing(ROOM));
    assertThat(fresh.phase()).isEqualTo(CallPhase.RINGING);
    assertThat(fresh.eventsSeen()).isEqualTo(1);
    assertThat(fresh.phoneNumber()).isNull();
  }

  @Test
  void create_needsAtLeastOneCall() {
    assertThatThrownBy(() -> VaaniCallTracker.create(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxCalls");
    assertThat(VaaniCallTracker.create(1).maxCalls()).isEqualTo(1);
    assertThat(VaaniCallTracker.create(7).toString()).contains("maxCalls=7").contains("size=0");
  }

  @Test
  void andThen_updatesTheTrackerBeforeTheNextListener() {
    VaaniCallTracker tracker = VaaniCallTracker.create(10);
    List<CallPhase> seen = new ArrayList<>();
    VaaniEventListener listener =
        tracker.andThen(
            new VaaniEventListener() {
              @Override
              public void onCallEnded(CallEndedEvent event) {
                seen.add(tracker.state(event.roomName()).phase());
              }

              @Override
              public void onCallRinging(CallRingingEvent event) {
                seen.add(tracker.state(event.roomName()).phase());
              }
            });
    listener.accept(started(ROOM));
    listener.accept(ringing(ROOM));
    listener.accept(ended(ROOM));
    assertThat(seen).containsExactly(CallPhase.RINGING, CallPhase.ENDED);
    assertThat(tracker.state(ROOM).eventsSeen()).isEqualTo(3);

    VaaniCallTracker other = VaaniCallTracker.create(10);
    other.listener().accept(failed(ROOM));
    assertThat(other.state(ROOM).phase()).isEqualTo(CallPhase.FAILED);
  }

  @Test
  void apply_concurrentUpdatesOfSharedRooms_loseNothing() throws Exception {
    int threads = 8;
    int rooms = 50;
    VaaniCallTracker tracker = VaaniCallTracker.create(rooms);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      long seed = t;
      done.add(
          pool.submit(
              () -> {
                List<VaaniEvent> events = new ArrayList<>();
                for (int r = 0; r < rooms; r++) {
                  String room = "room-" + r;
                  events.addAll(
                      List.of(
                          started(room),
                          ringing(room),
                          pickedUp(room),
                          transferInitiated(room),
                          ended(room),
                          postprocessed(room)));
                }
                Collections.shuffle(events, new Random(seed));
                go.await();
                events.forEach(tracker::apply);
                return null;
              }));
    }
    go.countDown();
    for (Future<?> f : done) {
      f.get(30, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertThat(tracker.size()).isEqualTo(rooms);
    for (int r = 0; r < rooms; r++) {
      CallState state = tracker.state("room-" + r);
      assertThat(state.phase()).isEqualTo(CallPhase.POSTPROCESSED);
      assertThat(state.eventsSeen()).isEqualTo(threads * 6);
      assertThat(state.phoneNumber()).isEqualTo("+1234567890");
      assertThat(state.transferTarget()).isEqualTo("+919876543210");
      assertThat(state.duration()).isEqualTo(Duration.ofMillis(42_501));
    }
  }

  @Test
  void apply_concurrentlyPastTheBound_neverHoldsMoreThanMaxCalls() throws Exception {
    int threads = 4;
    VaaniCallTracker tracker = VaaniCallTracker.create(16);
    AtomicInteger maxSeen = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      done.add(
          pool.submit(
              () -> {
                for (int i = 0; i < 2_000; i++) {
                  String room = "t" + thread + "-" + i;
                  tracker.apply(started(room));
                  tracker.apply(ended(room));
                  maxSeen.accumulateAndGet(tracker.size(), Math::max);
                  if (i % 7 == 0) {
                    tracker.forget(room);
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : done) {
      f.get(30, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertThat(maxSeen.get()).isLessThanOrEqualTo(16);
    assertThat(tracker.size()).isBetween(1, 16);
    CallState last = tracker.state("t0-1999");
    assertThat(last == null || last.phase() == CallPhase.ENDED).isTrue();
  }

  @Test
  void callState_rejectsImpossibleSnapshots() {
    assertThatThrownBy(
            () ->
                new CallState(
                    ROOM,
                    CallPhase.ACTIVE,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    false,
                    false,
                    false,
                    "x",
                    0,
                    TransferAttempts.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("eventsSeen");
  }
}
