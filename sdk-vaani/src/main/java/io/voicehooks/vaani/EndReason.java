package io.voicehooks.vaani;

/**
 * Why the session ended ({@code end_reason} of {@code call_ended}), read as an {@link
 * io.voicehooks.core.OpenEnum}.
 *
 * <p>Vaani documents only {@link #AGENT_REQUESTED_DISCONNECT}. Inferred, not documented: every
 * other constant. The documented value has the UPPER_SNAKE style of LiveKit's participant
 * disconnect reasons, so this SDK guesses that Vaani runs on LiveKit and lists those too. Any other
 * value is {@link #UNKNOWN} with the raw string kept, and the raw string of every value stays
 * available.
 */
public enum EndReason {
  /** {@code AGENT_REQUESTED_DISCONNECT}: the AI agent hung up (the documented example). */
  AGENT_REQUESTED_DISCONNECT,
  /** {@code UNKNOWN_REASON}: LiveKit did not know why; distinct from {@link #UNKNOWN}. */
  UNKNOWN_REASON,
  /** {@code CLIENT_INITIATED}: a participant left on its own, such as the user hanging up. */
  CLIENT_INITIATED,
  /** {@code DUPLICATE_IDENTITY}: another participant joined with the same identity. */
  DUPLICATE_IDENTITY,
  /** {@code SERVER_SHUTDOWN}: the media server shut down. */
  SERVER_SHUTDOWN,
  /** {@code PARTICIPANT_REMOVED}: the participant was removed through the server API. */
  PARTICIPANT_REMOVED,
  /** {@code ROOM_DELETED}: the room was deleted through the server API. */
  ROOM_DELETED,
  /** {@code STATE_MISMATCH}: the client tried to resume a session the server no longer had. */
  STATE_MISMATCH,
  /** {@code JOIN_FAILURE}: the participant could not connect. */
  JOIN_FAILURE,
  /** {@code MIGRATION}: the session moved to another server. */
  MIGRATION,
  /** {@code SIGNAL_CLOSE}: the signalling connection closed unexpectedly. */
  SIGNAL_CLOSE,
  /** {@code ROOM_CLOSED}: the room closed, for example because everyone left. */
  ROOM_CLOSED,
  /** {@code USER_UNAVAILABLE}: the SIP callee could not be reached. */
  USER_UNAVAILABLE,
  /** {@code USER_REJECTED}: the SIP callee rejected the call. */
  USER_REJECTED,
  /** {@code SIP_TRUNK_FAILURE}: the SIP trunk failed or answered unexpectedly. */
  SIP_TRUNK_FAILURE,
  /** {@code CONNECTION_TIMEOUT}: the connection timed out. */
  CONNECTION_TIMEOUT,
  /** {@code MEDIA_FAILURE}: media could not flow. */
  MEDIA_FAILURE,
  /** {@code AGENT_ERROR}: the agent failed. */
  AGENT_ERROR,
  /** A reason this SDK does not know; see the raw string. */
  UNKNOWN
}
