package io.voicehooks.spring.boot.autoconfigure;

import io.voicehooks.core.WebhookEvent;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.module.SimpleModule;

/**
 * Lets Spring Boot's Jackson 3 mapper write VoiceHooks events in the provider's wire shape, the
 * same JSON as {@link WebhookEvent#toJson()}: the provider's field names and units (durations in
 * the seconds or milliseconds the provider sends), absent fields left out, undeclared fields kept.
 *
 * <p>The events are bound by the library's own Jackson 2 mapper, whose annotations say how each
 * field is written. Jackson 3 reads the shared {@code com.fasterxml.jackson.annotation} names
 * ({@code @JsonProperty} and the like) but not Jackson 2's databind annotations, so without this
 * module a controller returning an event would send {@code "duration_sec":"PT2M5S"} for a provider
 * that sent {@code 125}, and every absent field as {@code null}. With it, any {@link WebhookEvent}
 * a controller returns, or that sits in a map or list it returns, is written as {@code toJson()}
 * writes it. The events' nested records (such as Agni's {@code CallData}) are not covered: write
 * the event, or use Jackson 2.
 *
 * <p>Active when Jackson 3 ({@code tools.jackson.databind}) is on the class path, as it is in every
 * Spring Boot 4 web application; a bean named {@code voiceHooksJacksonModule} replaces it.
 */
@AutoConfiguration(
    beforeName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnClass(name = "tools.jackson.databind.JacksonModule")
public class VoiceHooksJacksonAutoConfiguration {
  /** Creates the auto-configuration; Spring Boot does. */
  public VoiceHooksJacksonAutoConfiguration() {}

  @Bean
  @ConditionalOnMissingBean(name = "voiceHooksJacksonModule")
  JacksonModule voiceHooksJacksonModule() {
    return new SimpleModule("voicehooks")
        .addSerializer(WebhookEvent.class, new WebhookEventSerializer());
  }
}
