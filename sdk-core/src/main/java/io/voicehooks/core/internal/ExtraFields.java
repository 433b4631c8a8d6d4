package io.voicehooks.core.internal;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the record component that keeps what a JSON object held beyond the record's declared
 * fields: every record that binds an object has one, named {@code extraFields}, of type {@code
 * Map<String, @Nullable Object>}, and its compact constructor copies it with {@link
 * FreeForm#copyOf(java.util.Map)}.
 *
 * <pre>{@code
 * public record CallData(
 *     @JsonProperty("call_id") String callId,
 *     ...,
 *     @ExtraFields Map<String, @Nullable Object> extraFields) { ... }
 * }</pre>
 *
 * <p>VoiceHooks' mappers ({@link Json#mapper}) fill it while binding: a field the record does not
 * declare, and a declared field whose value could not be read as its type (and so reads as null),
 * go into it under their wire names as free-form values. Writing the record puts them back beside
 * the declared fields, so nothing a provider sent is lost between receiving and writing.
 */
@Target({
  ElementType.RECORD_COMPONENT,
  ElementType.FIELD,
  ElementType.METHOD,
  ElementType.PARAMETER,
  ElementType.ANNOTATION_TYPE
})
@Retention(RetentionPolicy.RUNTIME)
@JacksonAnnotationsInside
@JsonIgnore
@JsonAnyGetter
public @interface ExtraFields {}
