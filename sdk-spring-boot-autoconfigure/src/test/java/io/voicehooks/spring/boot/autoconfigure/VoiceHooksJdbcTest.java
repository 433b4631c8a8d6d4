package io.voicehooks.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.voicehooks.core.WebhookHandler;
import io.voicehooks.core.WebhookResponse;
import io.voicehooks.jdbc.Postgres;
import io.voicehooks.testing.Sample;
import io.voicehooks.testing.Samples;
import io.voicehooks.vaani.VaaniEvent;
import io.voicehooks.vaani.VaaniEventListener;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/**
 * The jdbc store and durable mode on a real PostgreSQL ({@code VOICEHOOKS_JDBC_URL}); skipped with
 * the reason when there is none (and failing in CI), as sdk-jdbc's tests are.
 */
@Timeout(60)
class VoiceHooksJdbcTest {
  private WebApplicationContextRunner runner;

  @BeforeEach
  void database() {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(Postgres.url());
    runner =
        new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(VoiceHooksAutoConfiguration.class))
            .withBean(DataSource.class, () -> dataSource)
            .withPropertyValues("voicehooks.vaani.shared-secret=s");
  }

  static Sample vaani() {
    return Samples.vaani().callStarted().roomName("room-" + UUID.randomUUID()).build();
  }

  static VaaniEventListener recording(List<String> keys, CountDownLatch latch) {
    return new VaaniEventListener() {
      @Override
      public void accept(VaaniEvent event) {
        keys.add(event.idempotencyKey() + "@" + Thread.currentThread().getName());
        latch.countDown();
      }
    };
  }

  @Test
  void jdbcStore_isSharedByTwoApplicationsOnOneDatabase() {
    Sample sample = vaani();
    List<String> first = new CopyOnWriteArrayList<>();
    List<String> second = new CopyOnWriteArrayList<>();
    AtomicReference<WebhookResponse> again = new AtomicReference<>();

    runner
        .withPropertyValues("voicehooks.store.type=jdbc")
        .withBean(VaaniEventListener.class, () -> recording(first, new CountDownLatch(1)))
        .run(
            context ->
                assertThat(
                        context
                            .getBean("vaaniWebhookHandler", WebhookHandler.class)
                            .handle(sample.toRequest("/webhooks/vaani?token=s"))
                            .status())
                    .isEqualTo(200));
    runner
        .withPropertyValues("voicehooks.store.type=jdbc")
        .withBean(VaaniEventListener.class, () -> recording(second, new CountDownLatch(1)))
        .run(
            context ->
                again.set(
                    context
                        .getBean("vaaniWebhookHandler", WebhookHandler.class)
                        .handle(sample.toRequest("/webhooks/vaani?token=s"))));

    assertThat(first).hasSize(1);
    assertThat(again.get().status()).isEqualTo(200);
    assertThat(again.get().body()).contains("duplicate");
    assertThat(second).isEmpty();
  }

  @Test
  void durableMode_storesTheDeliveryAndAnInboxWorkerRunsTheListener() throws Exception {
    Sample sample = vaani();
    List<String> keys = new CopyOnWriteArrayList<>();
    CountDownLatch processed = new CountDownLatch(1);

    runner
        .withPropertyValues("voicehooks.handler.mode=durable")
        .withBean(VaaniEventListener.class, () -> recording(keys, processed))
        .run(
            context -> {
              WebhookHandler handler = context.getBean("vaaniWebhookHandler", WebhookHandler.class);
              assertThat(handler.handle(sample.toRequest("/webhooks/vaani?token=s")).status())
                  .isEqualTo(200);
              assertThat(handler.handle(sample.toRequest("/webhooks/vaani")).status())
                  .isEqualTo(401);
              assertThat(processed.await(30, TimeUnit.SECONDS)).isTrue();
            });

    assertThat(keys)
        .singleElement()
        .asString()
        .startsWith(sample.idempotencyKey() + "@voicehooks-inbox-voicehooks_inbox_vaani-");
  }
}
