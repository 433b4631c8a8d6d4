package io.voicehooks.vaani;

/**
 * Where a call is in its life, as {@link VaaniCallTracker} folds it from the events of one room.
 *
 * <p>The phases are ranked, and a call only ever moves to a higher rank, so late, repeated and
 * out-of-order deliveries cannot move it back: {@code UNKNOWN < DIALING < RINGING < ACTIVE <
 * TRANSFERRING < TRANSFER_FAILED < TRANSFERRED < ENDED < POSTPROCESSED <} the failed outcomes
 * {@code REJECTED}, {@code NO_ANSWER} and {@code FAILED}, which share the top rank (the first one
 * seen stays). A failed outcome therefore stands even when {@code call_ended} or {@code
 * call_postprocessing} follows it; {@link CallState#postprocessed()} tells whether the latter came.
 */
public enum CallPhase {
  /** Only events this SDK does not know have been seen for the room. */
  UNKNOWN(0),
  /** {@code call_started}: dialing out, or an inbound caller connected. */
  DIALING(1),
  /** {@code call_ringing}: the callee's phone is ringing. */
  RINGING(2),
  /** {@code user_picked_up_at}: the user answered and talks to the AI agent. */
  ACTIVE(3),
  /** {@code human_transfer_initiated}: a transfer to a human is under way. */
  TRANSFERRING(4),
  /**
   * {@code human_transfer_failed}: the transfer failed and the call stays with the AI agent. A
   * second attempt's {@code human_transfer_initiated} does not move the call back to {@link
   * #TRANSFERRING}; its {@code human_transfer_successful} moves it on to {@link #TRANSFERRED}.
   * {@link CallState#transfers()} tells whether a later attempt is under way.
   */
  TRANSFER_FAILED(5),
  /** {@code human_transfer_successful}: a human specialist took the call. */
  TRANSFERRED(6),
  /** {@code call_ended}: the session terminated. */
  ENDED(7),
  /** {@code call_postprocessing}: transcript, summary and entities are ready. */
  POSTPROCESSED(8),
  /** {@code call_rejected}: the user rejected the call or the line was busy. A failed outcome. */
  REJECTED(9),
  /** {@code call_no_answer}: nobody answered. A failed outcome. */
  NO_ANSWER(9),
  /** {@code call_failed}: a SIP or technical failure. A failed outcome. */
  FAILED(9);

  private final int rank;

  CallPhase(int rank) {
    this.rank = rank;
  }

  /** {@return true when the call is over: ended, post-processed, rejected, unanswered or failed} */
  public boolean isOver() {
    return rank >= ENDED.rank;
  }

  /** {@return true for the failed outcomes: rejected, unanswered or failed} */
  public boolean isFailure() {
    return rank == FAILED.rank;
  }

  /** {@return true when a call in this phase may move to {@code next}} */
  boolean precedes(CallPhase next) {
    return next.rank > rank;
  }
}
