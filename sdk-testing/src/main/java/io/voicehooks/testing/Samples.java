package io.voicehooks.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * Entry point to realistic sample deliveries of every provider, built from the providers'
 * documented example payloads, with knobs for the fields tests vary.
 *
 * <pre>{@code
 * Sample agni = Samples.agni().callCompleted()
 *     .callSessionId("019d2b3c-0000-7000-8000-000000000001")
 *     .status("no_answer")
 *     .duration(Duration.ofSeconds(125))
 *     .transcriptTurns(500)
 *     .build();
 * List<Sample> call = Samples.vaani().lifecycle("room_1", VaaniSamples.Direction.OUTBOUND);
 * List<Sample> everything = Samples.all();
 * }</pre>
 *
 * <p>Bodies are compact JSON, with the event-type field first and the other fields in the
 * documented order. Every builder edits what its knobs do not cover by dotted path, after the
 * knobs:
 *
 * <pre>{@code
 * Sample legacy = Samples.agni().callCompleted()
 *     .remove("data.call_session_id")                 // a body without the identity field
 *     .set("data.duration_sec", "125")                // a number sent as a string
 *     .set("data.tags", List.of("vip", "renewal"))    // a field Agni does not document
 *     .setRaw("data.transcripts.3", "{\"id\":\"t-004\"}")
 *     .build();
 * }</pre>
 */
public final class Samples {
  private Samples() {}

  /** {@return the Agni samples ({@code call.completed})} */
  public static AgniSamples agni() {
    return AgniSamples.INSTANCE;
  }

  /** {@return the Vaani samples (eleven lifecycle events)} */
  public static VaaniSamples vaani() {
    return VaaniSamples.INSTANCE;
  }

  /** {@return the Agntix samples ({@code session.created}, {@code session.ended})} */
  public static AgntixSamples agntix() {
    return AgntixSamples.INSTANCE;
  }

  /** {@return the cllr samples (the post-call payload)} */
  public static CllrSamples cllr() {
    return CllrSamples.INSTANCE;
  }

  /**
   * Returns one default, unsigned sample of every documented event of every provider, fifteen in
   * all: Agni {@code call.completed}; Vaani's eleven events in the order of its documentation;
   * Agntix {@code session.created} and {@code session.ended}; cllr's post-call payload.
   *
   * @return the samples, in that order
   */
  public static List<Sample> all() {
    List<Sample> all = new ArrayList<>();
    all.add(agni().callCompleted().build());
    for (String type : VaaniSamples.EVENT_TYPES) {
      all.add(vaani().event(type).build());
    }
    all.add(agntix().sessionCreated().build());
    all.add(agntix().sessionEnded().build());
    all.add(cllr().postCall().build());
    return List.copyOf(all);
  }
}
