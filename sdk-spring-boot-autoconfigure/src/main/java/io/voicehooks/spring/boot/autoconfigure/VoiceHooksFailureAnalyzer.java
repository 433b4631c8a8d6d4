package io.voicehooks.spring.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a {@link VoiceHooksConfigurationException} at startup as Spring Boot does for its own
 * settings: a description naming the property, and the action that fixes it.
 */
class VoiceHooksFailureAnalyzer extends AbstractFailureAnalyzer<VoiceHooksConfigurationException> {
  /** Created by Spring Boot, from {@code META-INF/spring.factories}. */
  VoiceHooksFailureAnalyzer() {}

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, VoiceHooksConfigurationException cause) {
    return new FailureAnalysis(cause.description(), cause.action(), cause);
  }
}
