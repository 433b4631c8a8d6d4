package io.voicehooks.vaani;

import io.voicehooks.core.OpenEnum;
import io.voicehooks.core.internal.ToString;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Folds the events of each {@code room_name} into the state of its call, so that "where is this
 * call now" is one lookup instead of hand-written bookkeeping.
 *
 * <pre>{@code
 * VaaniCallTracker calls = VaaniCallTracker.create(10_000);
 * WebhookHandler handler = VaaniWebhookParser.create().handler(calls.andThen(myListener));
 * ...
 * CallState call = calls.state("room_123abc");
 * if (call != null && call.phase() == CallPhase.TRANSFERRED) { ... }
 * }</pre>
 *
 * <p>Vaani documents no ordering and sends no timestamps, so the tracker tolerates out-of-order and
 * repeated deliveries: a call's {@link CallPhase} only moves to a higher rank (a late {@code
 * call_ringing} after {@code user_picked_up_at} changes nothing, {@code call_postprocessing} before
 * {@code call_ended} stays post-processed, a rejected, unanswered or failed call stays so), and
 * applying an event twice gives the same phase and fields; only the counts ({@link
 * CallState#eventsSeen()} and those of {@link CallState#transfers()}) count each event applied.
 * Exact re-deliveries never reach the tracker through a handler, whose idempotency key drops them;
 * a second transfer attempt, whose events carry other values, does (see {@link
 * VaaniEvent#idempotencyKey()}). See {@link CallPhase} for the ranks and {@link CallState} for how
 * fields merge.
 *
 * <p>At most {@code maxCalls} calls are held: applying an event for a new room past that bound
 * forgets the call updated least recently. Calls are not forgotten otherwise; {@link
 * #forget(String)} drops one explicitly, for example after {@code call_postprocessing} has been
 * handled. The state lives in this process only.
 *
 * <p>Instances are thread-safe: each update is atomic under one lock, held for a map update only.
 */
public final class VaaniCallTracker {
  private final int maxCalls;

  /** Calls in update order, least recently updated first; guarded by itself. */
  private final LinkedHashMap<String, CallState> calls = new LinkedHashMap<>();

  private VaaniCallTracker(int maxCalls) {
    this.maxCalls = maxCalls;
  }

  /**
   * Creates an empty tracker.
   *
   * @param maxCalls the most calls held at once, at least 1
   * @return the tracker
   * @throws IllegalArgumentException if {@code maxCalls} is less than 1
   */
  public static VaaniCallTracker create(int maxCalls) {
    if (maxCalls < 1) {
      throw new IllegalArgumentException("maxCalls must be at least 1");
    }
    return new VaaniCallTracker(maxCalls);
  }

  /**
   * Applies one event to its call, creating the call on its first event.
   *
   * <p>An {@link UnknownVaaniEvent} with a {@code room_name} counts as an event of that call but
   * moves no phase (a call seen only through unknown events is {@link CallPhase#UNKNOWN}); one
   * without a {@code room_name} is ignored.
   *
   * @param event the event
   * @return the call's state after the event, or null for an unknown event without a room name
   */
  public @Nullable CallState apply(VaaniEvent event) {
    Objects.requireNonNull(event, "event == null");
    String roomName = event.roomName();
    if (roomName == null) {
      return null;
    }
    synchronized (calls) {
      CallState previous = calls.remove(roomName);
      CallState next = fold(previous, roomName, event);
      calls.put(roomName, next);
      if (calls.size() > maxCalls) {
        Iterator<String> eldest = calls.keySet().iterator();
        eldest.next();
        eldest.remove();
      }
      return next;
    }
  }

  /**
   * Returns the state of one call.
   *
   * @param roomName the room that identifies the call
   * @return the latest snapshot, or null if the call was never seen, was forgotten or was evicted
   */
  public @Nullable CallState state(String roomName) {
    Objects.requireNonNull(roomName, "roomName == null");
    synchronized (calls) {
      return calls.get(roomName);
    }
  }

  /**
   * Forgets one call; a later event for its room starts it afresh.
   *
   * @param roomName the room that identifies the call
   * @return the state it had, or null if it was not held
   */
  public @Nullable CallState forget(String roomName) {
    Objects.requireNonNull(roomName, "roomName == null");
    synchronized (calls) {
      return calls.remove(roomName);
    }
  }

  /** {@return how many calls are held, never more than {@link #maxCalls()}} */
  public int size() {
    synchronized (calls) {
      return calls.size();
    }
  }

  /** {@return the most calls held at once} */
  public int maxCalls() {
    return maxCalls;
  }

  /**
   * Returns a listener that applies each event to this tracker and then passes it to {@code next},
   * so {@code next} can read the updated {@link #state(String)}. Pass it to {@link
   * VaaniWebhookParser#handler(VaaniEventListener)} or {@link
   * io.voicehooks.core.WebhookHandler.Builder#listener(java.util.function.Consumer)}; events the
   * handler drops as duplicates reach neither.
   *
   * @param next the listener that receives each event after the update
   * @return the combined listener
   */
  public VaaniEventListener andThen(VaaniEventListener next) {
    Objects.requireNonNull(next, "next == null");
    return new VaaniEventListener() {
      @Override
      public void accept(VaaniEvent event) {
        apply(event);
        next.accept(event);
      }
    };
  }

  /** {@return a listener that only applies each event to this tracker} */
  public VaaniEventListener listener() {
    return andThen(new VaaniEventListener() {});
  }

  /** {@return how many calls are tracked, and the most kept} */
  @Override
  public String toString() {
    return ToString.of(this).add("size", size()).add("maxCalls", maxCalls).toString();
  }

  private static CallState fold(@Nullable CallState previous, String roomName, VaaniEvent event) {
    CallPhase phase = previous == null ? CallPhase.UNKNOWN : previous.phase();
    OpenEnum<CallStatus> status = previous == null ? null : previous.status();
    OpenEnum<CallStatus> sentStatus = null;
    boolean answered = previous != null && previous.answered();
    boolean transferred = previous != null && previous.transferred();
    String phoneNumber = previous == null ? null : previous.phoneNumber();
    String transferTarget = previous == null ? null : previous.transferTarget();
    String agentIdentity = previous == null ? null : previous.agentIdentity();
    String error = previous == null ? null : previous.error();
    OpenEnum<EndReason> endReason = previous == null ? null : previous.endReason();
    Duration duration = previous == null ? null : previous.duration();
    boolean postprocessed = previous != null && previous.postprocessed();
    int eventsSeen = previous == null ? 1 : saturatedIncrement(previous.eventsSeen());
    TransferAttempts transfers = previous == null ? TransferAttempts.NONE : previous.transfers();

    CallPhase reached;
    if (event instanceof CallStartedEvent) {
      reached = CallPhase.DIALING;
      sentStatus = ((CallStartedEvent) event).status();
      phoneNumber = latest(phoneNumber, ((CallStartedEvent) event).phoneNumber());
    } else if (event instanceof CallRingingEvent) {
      reached = CallPhase.RINGING;
      sentStatus = ((CallRingingEvent) event).status();
    } else if (event instanceof UserPickedUpEvent) {
      reached = CallPhase.ACTIVE;
      sentStatus = ((UserPickedUpEvent) event).status();
      answered = true;
    } else if (event instanceof CallRejectedEvent) {
      reached = CallPhase.REJECTED;
      sentStatus = ((CallRejectedEvent) event).status();
    } else if (event instanceof CallNoAnswerEvent) {
      reached = CallPhase.NO_ANSWER;
      sentStatus = ((CallNoAnswerEvent) event).status();
    } else if (event instanceof CallFailedEvent) {
      reached = CallPhase.FAILED;
      sentStatus = ((CallFailedEvent) event).status();
      error = latest(error, ((CallFailedEvent) event).error());
    } else if (event instanceof HumanTransferInitiatedEvent) {
      reached = CallPhase.TRANSFERRING;
      transferTarget = latest(transferTarget, ((HumanTransferInitiatedEvent) event).phoneNumber());
      transfers = transfers.afterInitiated();
    } else if (event instanceof HumanTransferSucceededEvent) {
      HumanTransferSucceededEvent succeeded = (HumanTransferSucceededEvent) event;
      reached = CallPhase.TRANSFERRED;
      transferred = true;
      transferTarget = latest(transferTarget, succeeded.phoneNumber());
      agentIdentity = latest(agentIdentity, succeeded.agentIdentity());
      transfers = transfers.afterSucceeded();
    } else if (event instanceof HumanTransferFailedEvent) {
      HumanTransferFailedEvent transferFailed = (HumanTransferFailedEvent) event;
      reached = CallPhase.TRANSFER_FAILED;
      transferTarget = latest(transferTarget, transferFailed.phoneNumber());
      transfers = transfers.afterFailed(transferFailed.reason());
    } else if (event instanceof CallEndedEvent) {
      CallEndedEvent ended = (CallEndedEvent) event;
      reached = CallPhase.ENDED;
      endReason = latest(endReason, ended.endReason());
      // call_postprocessing's milliseconds are the finer value: call_ended only fills a gap.
      if (duration == null) {
        duration = ended.callDuration();
      }
    } else if (event instanceof CallPostprocessingEvent) {
      reached = CallPhase.POSTPROCESSED;
      duration = latest(duration, ((CallPostprocessingEvent) event).callDuration());
      postprocessed = true;
    } else {
      reached = CallPhase.UNKNOWN;
    }
    if (phase.precedes(reached)) {
      phase = reached;
      status = sentStatus; // the status belongs to the event that set the phase
    }
    return new CallState(
        roomName,
        phase,
        status,
        phoneNumber,
        transferTarget,
        agentIdentity,
        error,
        endReason,
        duration,
        answered,
        transferred,
        postprocessed,
        event.eventType(),
        eventsSeen,
        transfers);
  }

  private static <T> @Nullable T latest(@Nullable T current, @Nullable T sent) {
    return sent != null ? sent : current;
  }

  private static int saturatedIncrement(int count) {
    return count == Integer.MAX_VALUE ? count : count + 1;
  }
}
