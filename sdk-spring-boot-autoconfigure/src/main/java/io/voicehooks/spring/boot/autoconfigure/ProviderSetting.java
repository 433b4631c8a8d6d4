package io.voicehooks.spring.boot.autoconfigure;

import java.util.List;

/**
 * What the auto-configuration knows of each provider in one place: its property name, its parser
 * class (present when its module is on the class path) and the settings whose presence registers
 * its endpoint. {@link ProviderCondition} decides by them; {@link VoiceHooksHandlers} names the
 * first in its INFO line for a provider left out.
 */
enum ProviderSetting {
  AGNI("agni", "io.voicehooks.agni.AgniWebhookParser", "voicehooks.agni.org-ids"),
  VAANI("vaani", "io.voicehooks.vaani.VaaniWebhookParser", "voicehooks.vaani.shared-secret"),
  AGNTIX(
      "agntix",
      "io.voicehooks.agntix.AgntixWebhookParser",
      "voicehooks.agntix.secrets",
      "voicehooks.agntix.public-keys"),
  CLLR("cllr", "io.voicehooks.cllr.CllrWebhookParser", "voicehooks.cllr.shared-secret");

  /** The provider's name in property names, bean names and logs, such as {@code agntix}. */
  final String provider;

  /** The provider's parser class, by name: its module may be absent. */
  final String parserClass;

  /** Any of these set registers the endpoint; the first is the one a log line names. */
  final List<String> requiredProperties;

  ProviderSetting(String provider, String parserClass, String... requiredProperties) {
    this.provider = provider;
    this.parserClass = parserClass;
    this.requiredProperties = List.of(requiredProperties);
  }
}
