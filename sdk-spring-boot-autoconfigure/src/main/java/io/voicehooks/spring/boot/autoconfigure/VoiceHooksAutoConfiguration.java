package io.voicehooks.spring.boot.autoconfigure;

import io.voicehooks.agni.AgniEvent;
import io.voicehooks.agni.AgniEventListener;
import io.voicehooks.agni.AgniWebhookParser;
import io.voicehooks.agntix.AgntixEvent;
import io.voicehooks.agntix.AgntixEventListener;
import io.voicehooks.agntix.AgntixWebhookParser;
import io.voicehooks.cllr.CllrEvent;
import io.voicehooks.cllr.CllrEventListener;
import io.voicehooks.cllr.CllrWebhookParser;
import io.voicehooks.core.IdempotencyStore;
import io.voicehooks.core.JsonLimits;
import io.voicehooks.core.SharedSecretVerifier;
import io.voicehooks.core.WebhookHandler;
import io.voicehooks.servlet.WebhookServlet;
import io.voicehooks.spring.boot.autoconfigure.VoiceHooksProperties.SharedSecretScheme;
import io.voicehooks.vaani.VaaniEvent;
import io.voicehooks.vaani.VaaniEventListener;
import io.voicehooks.vaani.VaaniWebhookParser;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.unit.DataSize;

/**
 * Registers one webhook endpoint per configured provider in a servlet web application: the
 * provider's parser (unless the application defines one), its {@link WebhookHandler} (a bean named
 * {@code <provider>WebhookHandler}) and a {@link WebhookServlet} at {@code
 * voicehooks.<provider>.path}. Each event goes to the beans implementing the provider's listener
 * interface, in {@code @Order} order, then to {@code @EventListener} methods as an application
 * event.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({WebhookServlet.class, ServletRegistrationBean.class})
@EnableConfigurationProperties(VoiceHooksProperties.class)
public class VoiceHooksAutoConfiguration {

  /** Created by Spring Boot. */
  public VoiceHooksAutoConfiguration() {}

  @Bean
  VoiceHooksHandlers voiceHooksHandlers(
      VoiceHooksProperties properties,
      ObjectProvider<IdempotencyStore> idempotencyStore,
      ObjectProvider<DataSource> dataSource,
      ResourceLoader resourceLoader) {
    return new VoiceHooksHandlers(
        properties, idempotencyStore, dataSource, resourceLoader.getClassLoader());
  }

  static JsonLimits limits(VoiceHooksProperties properties) {
    String property = "voicehooks.handler.max-body-size";
    DataSize size = properties.getHandler().getMaxBodySize();
    if (size == null || size.toBytes() < 1 || size.toBytes() > Integer.MAX_VALUE - 8) {
      throw new VoiceHooksConfigurationException(
          property,
          property + " must be between 1 byte and 2047MB.",
          "Set " + property + " to the largest body you accept, such as 4MB (the default).",
          null);
    }
    return JsonLimits.defaults().withMaxBodyBytes((int) size.toBytes());
  }

  static ServletRegistrationBean<WebhookServlet> servlet(
      VoiceHooksHandlers handlers,
      String provider,
      String path,
      boolean secretInPath,
      WebhookHandler handler) {
    String property = "voicehooks." + provider + ".path";
    if (path == null
        || !path.startsWith("/")
        || path.endsWith("/")
        || path.contains("*")
        || path.contains("?")) {
      throw new VoiceHooksConfigurationException(
          property,
          property + " must start with / and end with neither / nor a wildcard.",
          "Set " + property + " to a path such as /webhooks/" + provider + ".",
          null);
    }
    ServletRegistrationBean<WebhookServlet> registration =
        new ServletRegistrationBean<>(
            new WebhookServlet(handler), secretInPath ? path + "/*" : path);
    registration.setName(provider + "WebhookServlet");
    registration.setLoadOnStartup(1);
    handlers.registered(provider);
    return registration;
  }

  static <T> T build(String property, Supplier<T> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException | IllegalStateException | NullPointerException e) {
      // The library's messages name the setting, never its value.
      throw new VoiceHooksConfigurationException(
          property, property + " is not valid: " + e.getMessage(), "Correct " + property + ".", e);
    }
  }

  static VoiceHooksConfigurationException missing(
      String provider, String display, String property, String what) {
    return new VoiceHooksConfigurationException(
        property,
        "voicehooks."
            + provider
            + ".enabled is true, but "
            + property
            + " is not set: "
            + display
            + " deliveries cannot be authenticated without it.",
        "Set "
            + property
            + " to "
            + what
            + " (for example from an environment variable), or set"
            + " voicehooks."
            + provider
            + ".enabled=false.",
        null);
  }

  static List<String> nonBlank(List<String> values) {
    return values == null
        ? List.of()
        : values.stream().filter(v -> v != null && !v.isBlank()).toList();
  }

  static SharedSecretVerifier verifier(
      String provider, String display, VoiceHooksProperties.SharedSecretEndpoint endpoint) {
    List<String> secrets = endpoint.getSharedSecret();
    SharedSecretScheme scheme = endpoint.getSharedSecretScheme();
    String parameter = endpoint.getSharedSecretParameter();
    String header = endpoint.getSharedSecretHeader();
    String user = endpoint.getSharedSecretUser();
    String prefix = "voicehooks." + provider + ".";
    String property = prefix + "shared-secret";
    if (nonBlank(secrets).isEmpty()) {
      throw missing(
          provider,
          display,
          property,
          "the secret " + display + " presents (by default in the URL you give it: ?token=...)");
    }
    String[] values = secrets.toArray(String[]::new);
    SharedSecretScheme chosen = scheme == null ? SharedSecretScheme.QUERY : scheme;
    switch (chosen) {
      case PATH:
        return build(property, () -> SharedSecretVerifier.lastPathSegment(values));
      case HEADER:
        // Checked on its own first, so that a blank header name is reported under its property.
        build(prefix + "shared-secret-header", () -> SharedSecretVerifier.header(header, "x"));
        return build(property, () -> SharedSecretVerifier.header(header, values));
      case BEARER:
        return build(property, () -> SharedSecretVerifier.bearer(values));
      case BASIC:
        if (values.length != 1) {
          throw new VoiceHooksConfigurationException(
              property,
              property
                  + " holds "
                  + values.length
                  + " secrets, and the basic scheme takes one"
                  + " password.",
              "Set one "
                  + property
                  + " with "
                  + prefix
                  + "shared-secret-scheme=basic, or use the"
                  + " query, path, header or bearer scheme to accept several during rotation.",
              null);
        }
        return build(property, () -> SharedSecretVerifier.basic(user, values[0]));
      case QUERY:
      default:
        // Checked on its own first, as the header name is above.
        build(
            prefix + "shared-secret-parameter",
            () -> SharedSecretVerifier.queryParameter(parameter, "x"));
        return build(property, () -> SharedSecretVerifier.queryParameter(parameter, values));
    }
  }

  /** Agni: authenticated by the organisation id each delivery carries. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.voicehooks.agni.AgniWebhookParser")
  @Conditional(ProviderCondition.Agni.class)
  static class AgniConfiguration {
    @Bean
    @ConditionalOnMissingBean
    AgniWebhookParser agniWebhookParser(VoiceHooksProperties properties) {
      String property = "voicehooks.agni.org-ids";
      List<String> orgIds = properties.getAgni().getOrgIds();
      if (nonBlank(orgIds).isEmpty()) {
        throw missing("agni", "Agni", property, "your Agni organisation id(s)");
      }
      JsonLimits limits = limits(properties);
      return build(
          property,
          () -> AgniWebhookParser.builder().expectedOrgIds(orgIds).limits(limits).build());
    }

    @Bean
    @ConditionalOnMissingBean(name = "agniWebhookHandler")
    WebhookHandler agniWebhookHandler(
        AgniWebhookParser agniWebhookParser,
        VoiceHooksHandlers handlers,
        ObjectProvider<AgniEventListener> listeners,
        ApplicationEventPublisher publisher) {
      return handlers.<AgniEvent>build(
          "agni", agniWebhookParser, new EventDispatch<AgniEvent>(listeners, publisher));
    }

    @Bean
    ServletRegistrationBean<WebhookServlet> agniWebhookServletRegistration(
        VoiceHooksProperties properties,
        VoiceHooksHandlers handlers,
        @Qualifier("agniWebhookHandler") WebhookHandler handler) {
      return servlet(handlers, "agni", properties.getAgni().getPath(), false, handler);
    }
  }

  /** Vaani: authenticated by a shared secret, in the URL by default. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.voicehooks.vaani.VaaniWebhookParser")
  @Conditional(ProviderCondition.Vaani.class)
  static class VaaniConfiguration {
    @Bean
    @ConditionalOnMissingBean
    VaaniWebhookParser vaaniWebhookParser(VoiceHooksProperties properties) {
      SharedSecretVerifier verifier = verifier("vaani", "Vaani", properties.getVaani());
      return VaaniWebhookParser.builder().verifier(verifier).limits(limits(properties)).build();
    }

    @Bean
    @ConditionalOnMissingBean(name = "vaaniWebhookHandler")
    WebhookHandler vaaniWebhookHandler(
        VaaniWebhookParser vaaniWebhookParser,
        VoiceHooksHandlers handlers,
        ObjectProvider<VaaniEventListener> listeners,
        ApplicationEventPublisher publisher) {
      return handlers.<VaaniEvent>build(
          "vaani", vaaniWebhookParser, new EventDispatch<VaaniEvent>(listeners, publisher));
    }

    @Bean
    ServletRegistrationBean<WebhookServlet> vaaniWebhookServletRegistration(
        VoiceHooksProperties properties,
        VoiceHooksHandlers handlers,
        @Qualifier("vaaniWebhookHandler") WebhookHandler handler) {
      VoiceHooksProperties.Vaani vaani = properties.getVaani();
      return servlet(
          handlers,
          "vaani",
          vaani.getPath(),
          vaani.getSharedSecretScheme() == SharedSecretScheme.PATH,
          handler);
    }
  }

  /** Agntix: Svix signatures. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.voicehooks.agntix.AgntixWebhookParser")
  @Conditional(ProviderCondition.Agntix.class)
  static class AgntixConfiguration {
    @Bean
    @ConditionalOnMissingBean
    AgntixWebhookParser agntixWebhookParser(VoiceHooksProperties properties) {
      VoiceHooksProperties.Agntix agntix = properties.getAgntix();
      List<String> secrets = nonBlank(agntix.getSecrets());
      List<String> publicKeys = nonBlank(agntix.getPublicKeys());
      if (secrets.isEmpty() && publicKeys.isEmpty()) {
        throw missing(
            "agntix",
            "Agntix",
            "voicehooks.agntix.secrets",
            "the endpoint's signing secret (whsec_...) or voicehooks.agntix.public-keys");
      }
      AgntixWebhookParser.Builder builder = AgntixWebhookParser.builder();
      for (String secret : agntix.getSecrets()) {
        build("voicehooks.agntix.secrets", () -> builder.secret(secret));
      }
      for (String key : agntix.getPublicKeys()) {
        build("voicehooks.agntix.public-keys", () -> builder.publicKey(key));
      }
      Duration tolerance = agntix.getTolerance();
      if (tolerance != null) {
        build("voicehooks.agntix.tolerance", () -> builder.tolerance(tolerance));
      }
      builder.limits(limits(properties));
      return build("voicehooks.agntix.secrets", builder::build);
    }

    @Bean
    @ConditionalOnMissingBean(name = "agntixWebhookHandler")
    WebhookHandler agntixWebhookHandler(
        AgntixWebhookParser agntixWebhookParser,
        VoiceHooksHandlers handlers,
        ObjectProvider<AgntixEventListener> listeners,
        ApplicationEventPublisher publisher) {
      return handlers.<AgntixEvent>build(
          "agntix", agntixWebhookParser, new EventDispatch<AgntixEvent>(listeners, publisher));
    }

    @Bean
    ServletRegistrationBean<WebhookServlet> agntixWebhookServletRegistration(
        VoiceHooksProperties properties,
        VoiceHooksHandlers handlers,
        @Qualifier("agntixWebhookHandler") WebhookHandler handler) {
      return servlet(handlers, "agntix", properties.getAgntix().getPath(), false, handler);
    }
  }

  /** cllr: authenticated by a shared secret, in the URL by default. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.voicehooks.cllr.CllrWebhookParser")
  @Conditional(ProviderCondition.Cllr.class)
  static class CllrConfiguration {
    @Bean
    @ConditionalOnMissingBean
    CllrWebhookParser cllrWebhookParser(VoiceHooksProperties properties) {
      SharedSecretVerifier verifier = verifier("cllr", "cllr", properties.getCllr());
      return CllrWebhookParser.builder().verifier(verifier).limits(limits(properties)).build();
    }

    @Bean
    @ConditionalOnMissingBean(name = "cllrWebhookHandler")
    WebhookHandler cllrWebhookHandler(
        CllrWebhookParser cllrWebhookParser,
        VoiceHooksHandlers handlers,
        ObjectProvider<CllrEventListener> listeners,
        ApplicationEventPublisher publisher) {
      return handlers.<CllrEvent>build(
          "cllr", cllrWebhookParser, new EventDispatch<CllrEvent>(listeners, publisher));
    }

    @Bean
    ServletRegistrationBean<WebhookServlet> cllrWebhookServletRegistration(
        VoiceHooksProperties properties,
        VoiceHooksHandlers handlers,
        @Qualifier("cllrWebhookHandler") WebhookHandler handler) {
      VoiceHooksProperties.Cllr cllr = properties.getCllr();
      return servlet(
          handlers,
          "cllr",
          cllr.getPath(),
          cllr.getSharedSecretScheme() == SharedSecretScheme.PATH,
          handler);
    }
  }
}
