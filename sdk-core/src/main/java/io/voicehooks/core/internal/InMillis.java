package io.voicehooks.core.internal;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link java.time.Duration} component that the provider sends as a number of milliseconds:
 * read leniently by {@link DurationDeserializer.Millis}, written back in the same unit by {@link
 * DurationSerializer.Millis}.
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
@JsonDeserialize(using = DurationDeserializer.Millis.class)
@JsonSerialize(using = DurationSerializer.Millis.class)
public @interface InMillis {}
