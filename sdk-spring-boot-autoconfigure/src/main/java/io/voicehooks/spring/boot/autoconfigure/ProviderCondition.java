package io.voicehooks.spring.boot.autoconfigure;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.ClassUtils;

/**
 * Whether a provider's endpoint is registered: not when {@code voicehooks.<provider>.enabled} is
 * false; otherwise when it is true (its required setting is then checked, and startup fails without
 * it), when the required setting is present, or when the application defines its own parser bean
 * for the provider.
 */
abstract class ProviderCondition extends SpringBootCondition implements ConfigurationCondition {
  private final ProviderSetting setting;

  ProviderCondition(ProviderSetting setting) {
    this.setting = setting;
  }

  @Override
  public ConfigurationPhase getConfigurationPhase() {
    return ConfigurationPhase.REGISTER_BEAN;
  }

  @Override
  public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata meta) {
    Binder binder = Binder.get(context.getEnvironment());
    String enabledProperty = "voicehooks." + setting.provider + ".enabled";
    Boolean enabled = binder.bind(enabledProperty, Boolean.class).orElse(null);
    if (Boolean.FALSE.equals(enabled)) {
      return ConditionOutcome.noMatch(enabledProperty + " is false");
    }
    if (Boolean.TRUE.equals(enabled)) {
      return ConditionOutcome.match(enabledProperty + " is true");
    }
    for (String property : setting.requiredProperties) {
      if (isSet(binder, property)) {
        return ConditionOutcome.match(property + " is set");
      }
    }
    ConfigurableListableBeanFactory beans = context.getBeanFactory();
    if (beans != null && ClassUtils.isPresent(setting.parserClass, context.getClassLoader())) {
      Class<?> type = ClassUtils.resolveClassName(setting.parserClass, context.getClassLoader());
      if (beans.getBeanNamesForType(type, true, false).length > 0) {
        return ConditionOutcome.match("the application defines a " + type.getSimpleName());
      }
    }
    return ConditionOutcome.noMatch(String.join(" and ", setting.requiredProperties) + " not set");
  }

  /**
   * Whether a list property holds at least one non-blank value.
   *
   * @param binder the environment's binder
   * @param property the property
   * @return true when set
   */
  static boolean isSet(Binder binder, String property) {
    return binder
        .bind(property, Bindable.listOf(String.class))
        .map(values -> values.stream().anyMatch(value -> value != null && !value.isBlank()))
        .orElse(false);
  }

  /** Agni: org ids. */
  static final class Agni extends ProviderCondition {
    Agni() {
      super(ProviderSetting.AGNI);
    }
  }

  /** Vaani: a shared secret. */
  static final class Vaani extends ProviderCondition {
    Vaani() {
      super(ProviderSetting.VAANI);
    }
  }

  /** Agntix: secrets or public keys. */
  static final class Agntix extends ProviderCondition {
    Agntix() {
      super(ProviderSetting.AGNTIX);
    }
  }

  /** cllr: a shared secret. */
  static final class Cllr extends ProviderCondition {
    Cllr() {
      super(ProviderSetting.CLLR);
    }
  }
}
