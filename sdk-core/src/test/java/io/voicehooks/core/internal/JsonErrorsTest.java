package io.voicehooks.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonMappingException;
import org.junit.jupiter.api.Test;

/** The field path that error messages name, built from Jackson's reference chain. */
final class JsonErrorsTest {
  @Test
  void path_joinsFieldsWithDotsAndIndexesInBrackets() {
    JsonMappingException e = new JsonMappingException(null, "test");
    e.prependPath(new JsonMappingException.Reference(null, "role"));
    e.prependPath(new JsonMappingException.Reference(null, 0));
    e.prependPath(new JsonMappingException.Reference(null, "transcripts"));
    e.prependPath(new JsonMappingException.Reference(null, 3));
    e.prependPath(new JsonMappingException.Reference(null, "data"));
    assertThat(JsonErrors.path(e)).isEqualTo("data[3].transcripts[0].role");
    JsonMappingException indexFirst = new JsonMappingException(null, "test");
    indexFirst.prependPath(new JsonMappingException.Reference(null, "id"));
    indexFirst.prependPath(new JsonMappingException.Reference(null, 2));
    assertThat(JsonErrors.path(indexFirst)).isEqualTo("[2].id");
    JsonMappingException neither = new JsonMappingException(null, "test");
    neither.prependPath(new JsonMappingException.Reference(null));
    assertThat(JsonErrors.path(neither)).isEmpty();
  }
}
