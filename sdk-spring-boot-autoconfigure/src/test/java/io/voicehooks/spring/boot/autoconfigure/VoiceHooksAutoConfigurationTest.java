package io.voicehooks.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.voicehooks.agni.AgniWebhookParser;
import io.voicehooks.agntix.AgntixWebhookParser;
import io.voicehooks.cllr.CllrWebhookParser;
import io.voicehooks.core.WebhookHandler;
import io.voicehooks.jdbc.JdbcInbox;
import io.voicehooks.servlet.WebhookServlet;
import io.voicehooks.testing.AgniSamples;
import io.voicehooks.testing.Sample;
import io.voicehooks.testing.Samples;
import io.voicehooks.testing.SvixSigner;
import io.voicehooks.vaani.VaaniEvent;
import io.voicehooks.vaani.VaaniEventListener;
import io.voicehooks.vaani.VaaniWebhookParser;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Each property combination and each startup error, in contexts without a server. */
@ExtendWith(OutputCaptureExtension.class)
@Timeout(60)
class VoiceHooksAutoConfigurationTest {
  static final String AGNTIX_SECRET = SvixSigner.generateSecret();

  private final WebApplicationContextRunner runner =
      new WebApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(VoiceHooksAutoConfiguration.class));

  static WebhookHandler handler(AssertableWebApplicationContext context, String provider) {
    return context.getBean(provider + "WebhookHandler", WebhookHandler.class);
  }

  @SuppressWarnings("unchecked")
  static ServletRegistrationBean<WebhookServlet> registration(
      AssertableWebApplicationContext context, String provider) {
    return context.getBean(provider + "WebhookServletRegistration", ServletRegistrationBean.class);
  }

  static int status(WebhookHandler handler, Sample sample, String target) {
    return handler.handle(sample.toRequest(target)).status();
  }

  static VaaniEventListener listener(Consumer<VaaniEvent> body) {
    return new VaaniEventListener() {
      @Override
      public void accept(VaaniEvent event) {
        body.accept(event);
      }
    };
  }

  static Sample vaani() {
    return Samples.vaani().callStarted().roomName("room-" + System.nanoTime()).build();
  }

  static FailureAnalysis analysis(Throwable failure) {
    return new VoiceHooksFailureAnalyzer().analyze(failure);
  }

  @Test
  void withoutSettingsNoProviderIsRegisteredAndEachNamesItsPropertyOnceAtInfo(
      CapturedOutput output) {
    runner.run(
        context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBeansOfType(WebhookHandler.class)).isEmpty();
          assertThat(context.getBeansOfType(ServletRegistrationBean.class)).isEmpty();
        });
    for (String property :
        List.of(
            "voicehooks.agni.org-ids",
            "voicehooks.vaani.shared-secret",
            "voicehooks.agntix.secrets",
            "voicehooks.cllr.shared-secret")) {
      String line = "set " + property + " to receive them";
      assertThat(output.getOut().split(java.util.regex.Pattern.quote(line), -1))
          .as(property)
          .hasSize(2);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "agni, voicehooks.agni.org-ids=" + AgniSamples.DEFAULT_ORG_ID + ", /webhooks/agni",
    "vaani, voicehooks.vaani.shared-secret=s3cret, /webhooks/vaani",
    "agntix, voicehooks.agntix.secrets=whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw, /webhooks/agntix",
    "cllr, voicehooks.cllr.shared-secret=s3cret, /webhooks/cllr"
  })
  void itsRequiredSettingRegistersOneProviderAtItsDefaultPath(
      String provider, String setting, String path, CapturedOutput output) {
    runner
        .withPropertyValues(setting)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBeansOfType(WebhookHandler.class))
                  .containsOnlyKeys(provider + "WebhookHandler");
              ServletRegistrationBean<WebhookServlet> registration =
                  registration(context, provider);
              assertThat(registration.getUrlMappings()).containsExactly(path);
              assertThat(registration.getServlet().handler()).isSameAs(handler(context, provider));
            });
    assertThat(output.getOut()).doesNotContain("s3cret").doesNotContain("whsec_");
    assertThat(output.getOut()).doesNotContain(provider + " webhooks are not received");
  }

  @Test
  void enabledFalseKeepsAConfiguredProviderOut() {
    runner
        .withPropertyValues(
            "voicehooks.vaani.shared-secret=s3cret", "voicehooks.vaani.enabled=false")
        .run(context -> assertThat(context.getBeansOfType(WebhookHandler.class)).isEmpty());
  }

  @ParameterizedTest
  @CsvSource({
    "agni, voicehooks.agni.org-ids",
    "vaani, voicehooks.vaani.shared-secret",
    "agntix, voicehooks.agntix.secrets",
    "cllr, voicehooks.cllr.shared-secret"
  })
  void enabledWithoutItsSettingStopsStartupNamingTheProperty(String provider, String property) {
    runner
        .withPropertyValues("voicehooks." + provider + ".enabled=true")
        .run(
            context -> {
              assertThat(context).hasFailed();
              Throwable failure = context.getStartupFailure();
              assertThat(failure).hasRootCauseInstanceOf(VoiceHooksConfigurationException.class);
              FailureAnalysis analysis = analysis(failure);
              assertThat(analysis.getDescription())
                  .contains("voicehooks." + provider + ".enabled is true")
                  .contains(property + " is not set");
              assertThat(analysis.getAction()).startsWith("Set " + property);
            });
  }

  @Test
  void anInvalidAgntixSecretNamesThePropertyButNeverTheValue() {
    runner
        .withPropertyValues("voicehooks.agntix.secrets=whsec_not*base64*at-all")
        .run(
            context -> {
              assertThat(context).hasFailed();
              FailureAnalysis analysis = analysis(context.getStartupFailure());
              assertThat(analysis.getDescription())
                  .contains("voicehooks.agntix.secrets")
                  .doesNotContain("not*base64*at-all");
            });
  }

  @ParameterizedTest
  @CsvSource({
    "voicehooks.handler.max-body-size=0, voicehooks.handler.max-body-size",
    "voicehooks.handler.max-pending=0, voicehooks.handler.max-pending",
    "voicehooks.agni.path=webhooks/agni, voicehooks.agni.path",
    "voicehooks.vaani.shared-secret-parameter= , voicehooks.vaani.shared-secret-parameter"
  })
  void anInvalidSettingStopsStartupNamingTheProperty(String setting, String property) {
    runner
        .withPropertyValues(
            "voicehooks.agni.org-ids=" + AgniSamples.DEFAULT_ORG_ID,
            "voicehooks.vaani.shared-secret=s3cret",
            "voicehooks.handler.mode=asynchronous",
            setting)
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(analysis(context.getStartupFailure()).getDescription()).contains(property);
            });
  }

  @Test
  void queryScheme_acceptsTheSecretInTheConfiguredParameterOnly() {
    Sample sample = vaani();
    runner
        .withPropertyValues(
            "voicehooks.vaani.shared-secret=old,new", "voicehooks.vaani.shared-secret-parameter=k")
        .run(
            context -> {
              WebhookHandler handler = handler(context, "vaani");
              assertThat(status(handler, sample, "/webhooks/vaani?token=new")).isEqualTo(401);
              assertThat(status(handler, sample, "/webhooks/vaani?k=wrong")).isEqualTo(401);
              assertThat(status(handler, sample, "/webhooks/vaani?k=old")).isEqualTo(200);
              assertThat(status(handler, vaani(), "/webhooks/vaani?k=new")).isEqualTo(200);
            });
  }

  @Test
  void pathScheme_mapsTheServletUnderThePathAndReadsTheLastSegment() {
    Sample sample = Samples.cllr().postCall().callId("c" + System.nanoTime()).build();
    runner
        .withPropertyValues(
            "voicehooks.cllr.shared-secret=s3cret", "voicehooks.cllr.shared-secret-scheme=path")
        .run(
            context -> {
              assertThat(registration(context, "cllr").getUrlMappings())
                  .containsExactly("/webhooks/cllr/*");
              WebhookHandler handler = handler(context, "cllr");
              assertThat(status(handler, sample, "/webhooks/cllr/wrong")).isEqualTo(401);
              assertThat(status(handler, sample, "/webhooks/cllr?token=s3cret")).isEqualTo(401);
              assertThat(status(handler, sample, "/webhooks/cllr/s3cret")).isEqualTo(200);
            });
  }

  @Test
  void headerScheme_readsTheConfiguredHeader() {
    Sample sample = vaani();
    runner
        .withPropertyValues(
            "voicehooks.vaani.shared-secret=s3cret",
            "voicehooks.vaani.shared-secret-scheme=header",
            "voicehooks.vaani.shared-secret-header=X-Vaani-Token")
        .run(
            context -> {
              WebhookHandler handler = handler(context, "vaani");
              assertThat(status(handler, sample, "/webhooks/vaani?token=s3cret")).isEqualTo(401);
              assertThat(
                      status(
                          handler,
                          sample.withHeader("X-Webhook-Secret", "s3cret"),
                          "/webhooks/vaani"))
                  .isEqualTo(401);
              assertThat(
                      status(
                          handler, sample.withHeader("X-Vaani-Token", "s3cret"), "/webhooks/vaani"))
                  .isEqualTo(200);
            });
  }

  @Test
  void bearerScheme_readsTheAuthorizationHeader() {
    Sample sample = vaani();
    runner
        .withPropertyValues(
            "voicehooks.vaani.shared-secret=s3cret", "voicehooks.vaani.shared-secret-scheme=bearer")
        .run(
            context -> {
              WebhookHandler handler = handler(context, "vaani");
              assertThat(status(handler, sample, "/webhooks/vaani?token=s3cret")).isEqualTo(401);
              assertThat(
                      status(
                          handler,
                          sample.withHeader("Authorization", "Bearer s3cret"),
                          "/webhooks/vaani"))
                  .isEqualTo(200);
            });
  }

  @Test
  void basicScheme_checksTheUserAndTheSecretAsPassword() {
    Sample sample = vaani();
    runner
        .withPropertyValues(
            "voicehooks.vaani.shared-secret=s3cret",
            "voicehooks.vaani.shared-secret-scheme=basic",
            "voicehooks.vaani.shared-secret-user=vaani-prod")
        .run(
            context -> {
              WebhookHandler handler = handler(context, "vaani");
              assertThat(
                      status(
                          handler,
                          sample.withHeader("Authorization", basic("vaani:s3cret")),
                          "/webhooks/vaani"))
                  .isEqualTo(401);
              assertThat(
                      status(
                          handler,
                          sample.withHeader("Authorization", basic("vaani-prod:s3cret")),
                          "/webhooks/vaani"))
                  .isEqualTo(200);
            });
  }

  @Test
  void basicScheme_withTwoSecretsStopsStartupNamingTheProperty() {
    runner
        .withPropertyValues(
            "voicehooks.cllr.shared-secret=a,b", "voicehooks.cllr.shared-secret-scheme=basic")
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(analysis(context.getStartupFailure()).getDescription())
                  .contains("voicehooks.cllr.shared-secret holds 2 secrets");
            });
  }

  static String basic(String credentials) {
    return "Basic "
        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void maxBodySizeSetsEveryParsersLimit() {
    runner
        .withPropertyValues(
            "voicehooks.handler.max-body-size=64KB",
            "voicehooks.agni.org-ids=" + AgniSamples.DEFAULT_ORG_ID,
            "voicehooks.vaani.shared-secret=s",
            "voicehooks.agntix.secrets=" + AGNTIX_SECRET,
            "voicehooks.cllr.shared-secret=s")
        .run(
            context -> {
              assertThat(context.getBean(AgniWebhookParser.class).maxBodyBytes()).isEqualTo(65536);
              assertThat(context.getBean(VaaniWebhookParser.class).maxBodyBytes()).isEqualTo(65536);
              assertThat(context.getBean(AgntixWebhookParser.class).maxBodyBytes())
                  .isEqualTo(65536);
              assertThat(context.getBean(CllrWebhookParser.class).maxBodyBytes()).isEqualTo(65536);
            });
  }

  @Test
  void aUserParserBeanReplacesTheOneFromProperties() {
    SvixSigner userSigner = SvixSigner.withSecret(UserParser.SECRET);
    Sample byUserSecret =
        Samples.agntix()
            .sessionEnded()
            .sessionId("s-" + System.nanoTime())
            .signedWith(userSigner)
            .build();
    Sample byPropertySecret =
        Samples.agntix()
            .sessionEnded()
            .sessionId("s-" + System.nanoTime())
            .signedWith(SvixSigner.withSecret(AGNTIX_SECRET))
            .build();
    runner
        .withPropertyValues("voicehooks.agntix.secrets=" + AGNTIX_SECRET)
        .withUserConfiguration(UserParser.class)
        .run(
            context -> {
              assertThat(context).hasSingleBean(AgntixWebhookParser.class);
              WebhookHandler handler = handler(context, "agntix");
              assertThat(status(handler, byPropertySecret, "/webhooks/agntix")).isEqualTo(401);
              assertThat(status(handler, byUserSecret, "/webhooks/agntix")).isEqualTo(200);
            });
  }

  /** The application's own Agntix parser, with a secret that is not in the properties. */
  @Configuration(proxyBeanMethods = false)
  static class UserParser {
    static final String SECRET = SvixSigner.generateSecret();

    @Bean
    AgntixWebhookParser agntixWebhookParser() {
      return AgntixWebhookParser.create(SECRET);
    }
  }

  @Test
  void agntixPublicKeysAloneRegisterTheProviderAndVerifyV1aSignatures() {
    SvixSigner ed25519 = SvixSigner.generateEd25519();
    Sample signedByKey =
        Samples.agntix()
            .sessionEnded()
            .sessionId("s-" + System.nanoTime())
            .signedWith(ed25519)
            .build();
    Sample signedBySecret =
        Samples.agntix()
            .sessionEnded()
            .sessionId("s-" + System.nanoTime())
            .signedWith(SvixSigner.withSecret(AGNTIX_SECRET))
            .build();
    runner
        .withPropertyValues("voicehooks.agntix.public-keys=" + ed25519.publicKey())
        .run(
            context -> {
              WebhookHandler handler = handler(context, "agntix");
              assertThat(status(handler, signedBySecret, "/webhooks/agntix")).isEqualTo(401);
              assertThat(status(handler, signedByKey, "/webhooks/agntix")).isEqualTo(200);
            });
  }

  @Test
  void agntixToleranceWidensTheAcceptedTimestampWindow() {
    SvixSigner signer = SvixSigner.withSecret(AGNTIX_SECRET);
    Instant tenMinutesAgo = Instant.now().minus(Duration.ofMinutes(10));
    Sample old =
        Samples.agntix()
            .sessionEnded()
            .sessionId("s-" + System.nanoTime())
            .signedWith(signer, SvixSigner.newMessageId(), tenMinutesAgo)
            .build();
    runner
        .withPropertyValues("voicehooks.agntix.secrets=" + AGNTIX_SECRET)
        .run(context -> assertThat(status(handler(context, "agntix"), old, "/")).isEqualTo(401));
    runner
        .withPropertyValues(
            "voicehooks.agntix.secrets=" + AGNTIX_SECRET, "voicehooks.agntix.tolerance=1h")
        .run(context -> assertThat(status(handler(context, "agntix"), old, "/")).isEqualTo(200));
  }

  @Test
  void aUserParserBeanAloneRegistersItsProvider() {
    runner
        .withUserConfiguration(UserParser.class)
        .run(
            context -> {
              assertThat(context.getBeansOfType(WebhookHandler.class))
                  .containsOnlyKeys("agntixWebhookHandler");
              assertThat(registration(context, "agntix").getUrlMappings())
                  .containsExactly("/webhooks/agntix");
            });
  }

  @Test
  void synchronousMode_runsTheListenerBeforeAnswering() {
    AtomicReference<Thread> ranOn = new AtomicReference<>();
    runner
        .withPropertyValues("voicehooks.vaani.shared-secret=s")
        .withBean(
            VaaniEventListener.class, () -> listener(event -> ranOn.set(Thread.currentThread())))
        .run(
            context -> {
              assertThat(status(handler(context, "vaani"), vaani(), "/webhooks/vaani?token=s"))
                  .isEqualTo(200);
              assertThat(ranOn.get()).isSameAs(Thread.currentThread());
            });
  }

  @Test
  void asynchronousMode_answersAtOnceAndRunsTheListenerOnTheBackgroundPool() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(1);
    AtomicReference<String> ranOn = new AtomicReference<>();
    runner
        .withPropertyValues(
            "voicehooks.vaani.shared-secret=s", "voicehooks.handler.mode=asynchronous")
        .withBean(
            VaaniEventListener.class,
            () ->
                listener(
                    event -> {
                      ranOn.set(Thread.currentThread().getName());
                      try {
                        release.await(30, TimeUnit.SECONDS);
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                      done.countDown();
                    }))
        .run(
            context -> {
              WebhookHandler handler = handler(context, "vaani");
              // Answered while the listener is still blocked.
              assertThat(status(handler, vaani(), "/webhooks/vaani?token=s")).isEqualTo(200);
              assertThat(done.getCount()).isEqualTo(1);
              assertThat(handler.pending()).isEqualTo(1);
              release.countDown();
              assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
              assertThat(ranOn.get()).startsWith("voicehooks-");
            });
  }

  @Test
  void asynchronousMode_closingTheContextDrainsEventsInHandThenRefuses() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch finished = new CountDownLatch(1);
    AtomicReference<WebhookHandler> kept = new AtomicReference<>();
    runner
        .withPropertyValues(
            "voicehooks.vaani.shared-secret=s", "voicehooks.handler.mode=asynchronous")
        .withBean(
            VaaniEventListener.class,
            () ->
                listener(
                    event -> {
                      started.countDown();
                      try {
                        Thread.sleep(200);
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                      finished.countDown();
                    }))
        .run(
            context -> {
              kept.set(handler(context, "vaani"));
              assertThat(status(kept.get(), vaani(), "/webhooks/vaani?token=s")).isEqualTo(200);
              assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
            });
    // The context is closed: its lifecycle stop waited for the event in hand.
    assertThat(finished.getCount()).isZero();
    assertThat(status(kept.get(), vaani(), "/webhooks/vaani?token=s")).isEqualTo(503);
  }

  @Test
  void theLifecycleStopsAfterTheWebServersGracefulShutdownAndBeforeTheServerStops() {
    // Spring stops higher phases first.
    assertThat(VoiceHooksHandlers.PHASE)
        .isLessThan(WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE)
        .isGreaterThan(WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE);
  }

  @Test
  void durableMode_withoutVoicehooksJdbcSaysWhatToAdd() {
    runner
        .withClassLoader(new FilteredClassLoader(JdbcInbox.class))
        .withPropertyValues("voicehooks.vaani.shared-secret=s", "voicehooks.handler.mode=durable")
        .run(
            context -> {
              assertThat(context).hasFailed();
              FailureAnalysis analysis = analysis(context.getStartupFailure());
              assertThat(analysis.getDescription())
                  .contains("voicehooks.handler.mode=durable")
                  .contains("voicehooks-jdbc");
              assertThat(analysis.getAction()).contains("io.voicehooks:voicehooks-jdbc");
            });
  }

  @Test
  void durableMode_withoutADataSourceSaysWhatToAdd() {
    runner
        .withPropertyValues("voicehooks.vaani.shared-secret=s", "voicehooks.handler.mode=durable")
        .run(
            context -> {
              assertThat(context).hasFailed();
              FailureAnalysis analysis = analysis(context.getStartupFailure());
              assertThat(analysis.getDescription()).contains("DataSource");
              assertThat(analysis.getAction()).contains("spring.datasource.url");
            });
  }

  @Test
  void jdbcStore_withoutVoicehooksJdbcSaysWhatToAdd() {
    runner
        .withClassLoader(new FilteredClassLoader(JdbcInbox.class))
        .withPropertyValues("voicehooks.vaani.shared-secret=s", "voicehooks.store.type=jdbc")
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(analysis(context.getStartupFailure()).getDescription())
                  .contains("voicehooks.store.type=jdbc")
                  .contains("voicehooks-jdbc");
            });
  }

  @Test
  void jdbcStore_withoutADataSourceSaysWhatToAdd() {
    runner
        .withPropertyValues("voicehooks.vaani.shared-secret=s", "voicehooks.store.type=jdbc")
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(analysis(context.getStartupFailure()).getDescription())
                  .contains("voicehooks.store.type=jdbc")
                  .contains("DataSource");
            });
  }

  /** A PostgreSQL data source on a port where nothing listens: every connection is refused. */
  static DataSource unreachableDatabase() {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2");
    return dataSource;
  }

  @Test
  void jdbcStore_withADataSourceKeepsKeysThere_soADatabaseThatIsDownAnswers503() {
    runner
        .withBean(DataSource.class, VoiceHooksAutoConfigurationTest::unreachableDatabase)
        .withPropertyValues(
            "voicehooks.vaani.shared-secret=s",
            "voicehooks.store.type=jdbc",
            "voicehooks.store.initialize-schema=false")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              // The memory store would have answered 200.
              assertThat(status(handler(context, "vaani"), vaani(), "/webhooks/vaani?token=s"))
                  .isEqualTo(503);
            });
  }

  @Test
  void memoryStore_isTheDefaultEvenWithADataSource() {
    runner
        .withBean(DataSource.class, VoiceHooksAutoConfigurationTest::unreachableDatabase)
        .withPropertyValues("voicehooks.vaani.shared-secret=s")
        .run(
            context ->
                assertThat(status(handler(context, "vaani"), vaani(), "/webhooks/vaani?token=s"))
                    .isEqualTo(200));
  }

  @Test
  void durableMode_withADataSourceStoresDeliveriesThere_soADatabaseThatIsDownAnswers503() {
    runner
        .withBean(DataSource.class, VoiceHooksAutoConfigurationTest::unreachableDatabase)
        .withPropertyValues(
            "voicehooks.vaani.shared-secret=s",
            "voicehooks.handler.mode=durable",
            "voicehooks.store.initialize-schema=false",
            "voicehooks.handler.drain-timeout=1s")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              WebhookHandler handler = handler(context, "vaani");
              // Verified before storing: a wrong secret is still 401.
              assertThat(status(handler, vaani(), "/webhooks/vaani?token=wrong")).isEqualTo(401);
              assertThat(status(handler, vaani(), "/webhooks/vaani?token=s")).isEqualTo(503);
            });
  }

  @Test
  void notAWebApplicationRegistersNothing() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(VoiceHooksAutoConfiguration.class))
        .withPropertyValues("voicehooks.vaani.shared-secret=s")
        .run(context -> assertThat(context.getBeansOfType(WebhookHandler.class)).isEmpty());
  }

  @Test
  void withoutAProviderModuleItsProviderIsSkippedAndTheOthersWork() {
    runner
        .withClassLoader(new FilteredClassLoader(AgntixWebhookParser.class))
        .withPropertyValues(
            "voicehooks.agntix.secrets=" + AGNTIX_SECRET, "voicehooks.vaani.shared-secret=s")
        .run(
            context ->
                assertThat(context.getBeansOfType(WebhookHandler.class))
                    .containsOnlyKeys("vaaniWebhookHandler"));
  }

  @Test
  void theGeneratedMetadataDescribesEveryProperty() throws Exception {
    String json;
    try (var in =
        getClass()
            .getClassLoader()
            .getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
      assertThat(in).isNotNull();
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
    Map<String, com.fasterxml.jackson.databind.JsonNode> byName = new java.util.HashMap<>();
    tree.get("properties").forEach(node -> byName.put(node.get("name").asText(), node));
    for (String name :
        List.of(
            "voicehooks.agni.enabled",
            "voicehooks.agni.path",
            "voicehooks.agni.org-ids",
            "voicehooks.agntix.secrets",
            "voicehooks.agntix.public-keys",
            "voicehooks.agntix.tolerance",
            "voicehooks.vaani.shared-secret",
            "voicehooks.vaani.shared-secret-scheme",
            "voicehooks.cllr.shared-secret",
            "voicehooks.cllr.shared-secret-parameter",
            "voicehooks.handler.mode",
            "voicehooks.handler.max-pending",
            "voicehooks.handler.max-body-size",
            "voicehooks.handler.drain-timeout",
            "voicehooks.store.type",
            "voicehooks.store.initialize-schema")) {
      assertThat(byName).as(name).containsKey(name);
      assertThat(byName.get(name).path("description").asText()).as(name).isNotBlank();
    }
    assertThat(byName.get("voicehooks.agni.path").path("defaultValue").asText())
        .isEqualTo("/webhooks/agni");
    assertThat(byName.get("voicehooks.handler.mode").path("defaultValue").asText())
        .isEqualTo("synchronous");
    assertThat(byName.get("voicehooks.vaani.shared-secret-parameter").path("defaultValue").asText())
        .isEqualTo("token");
  }
}
