package io.voicehooks.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Cold start, baseline side: a fresh JVM that reads the same Agni {@code call.completed} bytes with
 * a plain {@code new ObjectMapper().readTree(bytes)} and prints {@code ready}.
 */
public final class FirstJacksonTree {
  private FirstJacksonTree() {}

  /**
   * Reads one tree and reports.
   *
   * @param args ignored
   * @throws IOException never, for this payload
   */
  public static void main(String[] args) throws IOException {
    byte[] body = Payloads.agniCallCompleted();
    JsonNode tree = new ObjectMapper().readTree(body);
    Ready.report(tree.path("data").path("call_session_id").asText());
  }
}
