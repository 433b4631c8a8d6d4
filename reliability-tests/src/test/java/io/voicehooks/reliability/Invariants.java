package io.voicehooks.reliability;

import io.voicehooks.agni.AgniEvent;
import io.voicehooks.agni.AgniEventListener;
import io.voicehooks.agni.UnknownAgniEvent;
import io.voicehooks.agntix.AgntixEvent;
import io.voicehooks.agntix.AgntixEventListener;
import io.voicehooks.agntix.SessionEndedEvent;
import io.voicehooks.agntix.UnknownAgntixEvent;
import io.voicehooks.cllr.CallAnalysis;
import io.voicehooks.cllr.CallerDetails;
import io.voicehooks.cllr.CllrEvent;
import io.voicehooks.cllr.CllrEventListener;
import io.voicehooks.cllr.PostCallEvent;
import io.voicehooks.core.CallSummary;
import io.voicehooks.core.FinishedCallEvent;
import io.voicehooks.core.WebhookEvent;
import io.voicehooks.core.WebhookException;
import io.voicehooks.core.WebhookParser;
import io.voicehooks.core.WebhookResponse;
import io.voicehooks.vaani.CallFailedEvent;
import io.voicehooks.vaani.CallPostprocessingEvent;
import io.voicehooks.vaani.UnknownVaaniEvent;
import io.voicehooks.vaani.VaaniCallTracker;
import io.voicehooks.vaani.VaaniEvent;
import io.voicehooks.vaani.VaaniEventListener;
import java.util.Set;

/**
 * The properties every fuzz target checks. A violation throws {@link AssertionError}, which Jazzer
 * reports as a finding, as it does any exception other than a {@code WebhookException}.
 *
 * <p>Beyond "parse returned", a returned event must be usable: its identity and every derived view
 * (call summary, free-form fields, listener dispatch) must be computable without an exception,
 * since a listener calls them after the handler has already answered 200.
 */
final class Invariants {
  /** Every status the handler documents. */
  static final Set<Integer> DOCUMENTED_STATUSES = Set.of(200, 409, 400, 401, 413, 500, 503);

  private static final AgniEventListener AGNI = new AgniEventListener() {};
  private static final VaaniEventListener VAANI = new VaaniEventListener() {};
  private static final AgntixEventListener AGNTIX = new AgntixEventListener() {};
  private static final CllrEventListener CLLR = new CllrEventListener() {};

  private Invariants() {}

  static void check(boolean condition, String what) {
    if (!condition) {
      throw new AssertionError(what);
    }
  }

  /** Checks what every event must offer: a type, a non-blank key, and a printable form. */
  static void checkIdentity(WebhookEvent event) {
    check(event.eventType() != null && !event.eventType().isEmpty(), "eventType is empty");
    String key = event.idempotencyKey();
    check(key != null && !key.isBlank(), "idempotencyKey is blank");
    check(event.equals(event) && event.hashCode() == event.hashCode(), "equals is not reflexive");
    check(event.toString() != null, "toString is null");
    if (event instanceof FinishedCallEvent) {
      CallSummary summary = ((FinishedCallEvent) event).callSummary();
      check(summary.callId() != null && !summary.callId().isBlank(), "summary without callId");
      check(summary.outcome() != null, "summary without outcome");
      check(summary.sentiment() != null, "summary without sentiment");
      check(summary.toString() != null, "summary toString");
    }
  }

  /**
   * Checks that an accepted event written back with {@link WebhookEvent#toJson()} parses again, to
   * an equal event: nothing the model kept is lost or changed on the way out.
   */
  static <E extends WebhookEvent> void checkWrittenBack(E event, WebhookParser<E> parser) {
    String json = event.toJson();
    E again;
    try {
      again = parser.parse(json);
    } catch (WebhookException e) {
      throw new AssertionError("toJson() of an accepted event is refused: " + e.getMessage(), e);
    }
    check(again.equals(event), "toJson() does not parse back to an equal event");
  }

  static void checkAgni(AgniEvent event) {
    checkIdentity(event);
    event.orgId();
    if (event instanceof UnknownAgniEvent) {
      ((UnknownAgniEvent) event).fields();
    }
    event.dispatch(AGNI);
  }

  static void checkVaani(VaaniEvent event) {
    checkIdentity(event);
    event.roomName();
    if (event instanceof UnknownVaaniEvent) {
      ((UnknownVaaniEvent) event).fields();
    } else if (event instanceof CallFailedEvent) {
      ((CallFailedEvent) event).sipCode();
    } else if (event instanceof CallPostprocessingEvent) {
      ((CallPostprocessingEvent) event).turns();
    }
    event.dispatch(VAANI);
    VaaniCallTracker tracker = VaaniCallTracker.create(4);
    tracker.apply(event);
    tracker.apply(event);
  }

  static void checkAgntix(AgntixEvent event) {
    checkIdentity(event);
    if (event instanceof UnknownAgntixEvent) {
      ((UnknownAgntixEvent) event).fields();
    } else if (event instanceof SessionEndedEvent) {
      SessionEndedEvent ended = (SessionEndedEvent) event;
      ended.duration();
      if (ended.analysis().sentiment() != null) {
        ended.analysis().sentiment().label();
        ended.analysis().sentiment().score();
        ended.analysis().sentiment().toCallSentiment();
      }
    }
    event.dispatch(AGNTIX);
  }

  static void checkCllr(CllrEvent event) {
    checkIdentity(event);
    if (event instanceof PostCallEvent) {
      PostCallEvent call = (PostCallEvent) event;
      CallerDetails caller = call.callerDetails();
      if (caller != null) {
        caller.scheduledTimeAsInstant();
        caller.ageAsInteger();
        caller.asMap();
      }
      CallAnalysis analysis = call.callAnalysis();
      if (analysis != null) {
        analysis.sentimentLabel();
        analysis.sentimentAsMap();
        analysis.actionItemsAsList();
        analysis.actionItemsAsMap();
        analysis.interestsAndNeedsAsList();
        analysis.interestsAndNeedsAsMap();
      }
    }
    event.dispatch(CLLR);
  }

  /** Checks that a response is one of the documented statuses and a short JSON body. */
  static void checkResponse(WebhookResponse response) {
    check(response != null, "null response");
    check(
        DOCUMENTED_STATUSES.contains(response.status()),
        "undocumented status " + response.status());
    check(response.status() == response.outcome().status(), "status/outcome mismatch");
    String body = response.body();
    check(body.startsWith("{\"") && body.endsWith("\"}"), "body is not a short JSON object");
    check(WebhookResponse.CONTENT_TYPE.equals(response.contentType()), "content type");
  }
}
