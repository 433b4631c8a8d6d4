package io.voicehooks.core;

/**
 * An event that reports a finished call: Agni's {@code call.completed}, Vaani's {@code
 * call_postprocessing}, Agntix's {@code session.ended} and cllr's post-call payload. Each offers
 * the provider-neutral {@link CallSummary}.
 */
public interface FinishedCallEvent extends WebhookEvent {
  /** {@return the provider-neutral view of the finished call} */
  CallSummary callSummary();
}
