package io.voicehooks.spring.boot.autoconfigure;

import io.voicehooks.core.IdempotencyStore;
import io.voicehooks.core.WebhookEvent;
import io.voicehooks.core.WebhookHandler;
import io.voicehooks.core.WebhookParser;
import io.voicehooks.spring.boot.autoconfigure.VoiceHooksProperties.Handler;
import io.voicehooks.spring.boot.autoconfigure.VoiceHooksProperties.Mode;
import io.voicehooks.spring.boot.autoconfigure.VoiceHooksProperties.StoreType;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.SmartLifecycle;
import org.springframework.util.ClassUtils;

/**
 * Builds each provider's handler in the configured mode and runs what they share: the idempotency
 * store, the background pool (asynchronous mode) and the inboxes (durable mode). As a {@link
 * SmartLifecycle} it starts the inboxes with the context and, on stop, shuts the handlers down (new
 * deliveries get 503, the work in hand drains for up to {@code voicehooks.handler.drain-timeout})
 * after the web server's graceful shutdown and before the server stops; then it stops the inboxes
 * and the pool.
 */
final class VoiceHooksHandlers implements SmartLifecycle, SmartInitializingSingleton {
  /**
   * Between {@code WebServerGracefulShutdownLifecycle} ({@code Integer.MAX_VALUE - 1024}), which
   * stops first and lets requests in progress finish, and the web server's own stop ({@code
   * Integer.MAX_VALUE - 2048}). Spring stops higher phases first.
   */
  static final int PHASE = Integer.MAX_VALUE - 1536;

  static final String JDBC_CLASS = "io.voicehooks.jdbc.JdbcInbox";

  private static final Logger LOG = LoggerFactory.getLogger(VoiceHooksHandlers.class);

  private final VoiceHooksProperties properties;
  private final ObjectProvider<IdempotencyStore> userStore;
  private final ObjectProvider<DataSource> dataSources;
  private final @Nullable ClassLoader classLoader;
  private final List<Named> handlers = new CopyOnWriteArrayList<>();
  private final List<DurableInbox<?>> inboxes = new CopyOnWriteArrayList<>();
  private final Set<String> registered = ConcurrentHashMap.newKeySet();
  private @Nullable IdempotencyStore store;
  private @Nullable ThreadPoolExecutor executor;
  private volatile boolean running;

  VoiceHooksHandlers(
      VoiceHooksProperties properties,
      ObjectProvider<IdempotencyStore> userStore,
      ObjectProvider<DataSource> dataSources,
      @Nullable ClassLoader classLoader) {
    this.properties = properties;
    this.userStore = userStore;
    this.dataSources = dataSources;
    this.classLoader = classLoader;
  }

  private record Named(String provider, WebhookHandler handler) {}

  /**
   * Builds a provider's handler in the configured mode.
   *
   * @param provider the provider's property name, such as {@code agntix}
   * @param parser the provider's parser, which verifies
   * @param listener receives each event once
   * @return the handler
   */
  synchronized <E extends WebhookEvent> WebhookHandler build(
      String provider, WebhookParser<E> parser, Consumer<? super E> listener) {
    Handler settings = properties.getHandler();
    Duration drainTimeout = settings.getDrainTimeout();
    if (drainTimeout == null || drainTimeout.isNegative()) {
      throw new VoiceHooksConfigurationException(
          "voicehooks.handler.drain-timeout",
          "voicehooks.handler.drain-timeout must be zero or more.",
          "Set voicehooks.handler.drain-timeout to how long shutdown may wait, such as 30s.",
          null);
    }
    WebhookHandler handler;
    if (settings.getMode() == Mode.DURABLE) {
      requirePositive("voicehooks.handler.inbox-workers", settings.getInboxWorkers());
      DataSource dataSource = jdbc("voicehooks.handler.mode", "durable");
      DurableInbox<E> inbox =
          JdbcSupport.inbox(
              dataSource,
              provider,
              parser,
              listener,
              settings.getInboxWorkers(),
              properties.getStore().isInitializeSchema());
      inboxes.add(inbox);
      if (running) {
        inbox.start();
      }
      handler = inbox.handlerBuilder().drainTimeout(drainTimeout).build();
    } else {
      WebhookHandler.Builder<E> builder =
          WebhookHandler.builder(parser)
              .listener(listener)
              .idempotencyStore(store())
              .drainTimeout(drainTimeout);
      if (settings.getMode() == Mode.ASYNCHRONOUS) {
        requirePositive("voicehooks.handler.max-pending", settings.getMaxPending());
        builder.executor(executor()).maxPending(settings.getMaxPending());
      }
      handler = builder.build();
    }
    handlers.add(new Named(provider, handler));
    return handler;
  }

  /**
   * Records that a provider's endpoint is registered.
   *
   * @param provider the provider's property name
   */
  void registered(String provider) {
    registered.add(provider);
  }

  /** {@return the providers whose endpoints are registered} */
  Set<String> registered() {
    return Set.copyOf(registered);
  }

  private IdempotencyStore store() {
    IdempotencyStore chosen = store;
    if (chosen == null) {
      IdempotencyStore user = userStore.getIfAvailable();
      if (user != null) {
        chosen = user;
      } else if (properties.getStore().getType() == StoreType.JDBC) {
        chosen =
            JdbcSupport.idempotencyStore(
                jdbc("voicehooks.store.type", "jdbc"), properties.getStore().isInitializeSchema());
      } else {
        // One store for all providers: every key starts with its provider.
        chosen = IdempotencyStore.inMemory();
      }
      store = chosen;
    }
    return chosen;
  }

  private ThreadPoolExecutor executor() {
    ThreadPoolExecutor pool = executor;
    if (pool == null) {
      int threads = properties.getHandler().getThreads();
      requirePositive("voicehooks.handler.threads", threads);
      AtomicInteger count = new AtomicInteger();
      // Unbounded queue: the handler bounds what waits (max-pending) and answers 503 past it.
      pool =
          new ThreadPoolExecutor(
              threads,
              threads,
              0,
              TimeUnit.MILLISECONDS,
              new LinkedBlockingQueue<>(),
              task -> {
                Thread thread = new Thread(task, "voicehooks-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
              });
      executor = pool;
    }
    return pool;
  }

  private DataSource jdbc(String property, String value) {
    String setting = property + "=" + value;
    if (!ClassUtils.isPresent(JDBC_CLASS, classLoader)) {
      throw new VoiceHooksConfigurationException(
          property,
          setting
              + " keeps webhook data in PostgreSQL through voicehooks-jdbc, which is not on the"
              + " class path.",
          "Add the dependency io.voicehooks:voicehooks-jdbc (with spring-boot-starter-jdbc and the"
              + " PostgreSQL driver), or set "
              + property
              + " to "
              + ("voicehooks.handler.mode".equals(property)
                  ? "synchronous or asynchronous."
                  : "memory."),
          null);
    }
    DataSource dataSource = dataSources.getIfUnique();
    if (dataSource == null) {
      throw new VoiceHooksConfigurationException(
          property,
          setting
              + " needs one DataSource bean for PostgreSQL, and the context has none (or"
              + " several without a primary one).",
          "Add spring-boot-starter-jdbc and the PostgreSQL driver and set spring.datasource.url,"
              + " or define a DataSource bean (mark one @Primary if there are several).",
          null);
    }
    return dataSource;
  }

  private static void requirePositive(String property, int value) {
    if (value < 1) {
      throw new VoiceHooksConfigurationException(
          property,
          property + " must be at least 1, not " + value + ".",
          "Set " + property + " to 1 or more, or remove it for the default.",
          null);
    }
  }

  /** Logs one line per provider that could be received but is not configured. */
  @Override
  public void afterSingletonsInstantiated() {
    report(ProviderSetting.AGNI, properties.getAgni().getEnabled(), properties.getAgni().getPath());
    report(
        ProviderSetting.VAANI, properties.getVaani().getEnabled(), properties.getVaani().getPath());
    report(
        ProviderSetting.AGNTIX,
        properties.getAgntix().getEnabled(),
        properties.getAgntix().getPath());
    report(ProviderSetting.CLLR, properties.getCllr().getEnabled(), properties.getCllr().getPath());
  }

  private void report(ProviderSetting setting, @Nullable Boolean enabled, String path) {
    if (registered.contains(setting.provider)
        || Boolean.FALSE.equals(enabled)
        || !ClassUtils.isPresent(setting.parserClass, classLoader)) {
      return;
    }
    LOG.info(
        "VoiceHooks: {} webhooks are not received; set {} to receive them at {}",
        setting.provider,
        setting.requiredProperties.get(0),
        path);
  }

  @Override
  public void start() {
    for (DurableInbox<?> inbox : inboxes) {
      inbox.start();
    }
    running = true;
  }

  /**
   * Shuts every handler down (they answer 503 from now on) and waits, within one drain timeout for
   * all of them, for the work in hand; then stops the inboxes' workers and the pool.
   */
  @Override
  public void stop() {
    running = false;
    Duration drainTimeout = properties.getHandler().getDrainTimeout();
    long deadline = System.nanoTime() + drainTimeout.toNanos();
    for (Named named : handlers) {
      int left = named.handler().shutdown(remaining(deadline));
      if (left > 0) {
        LOG.warn(
            "VoiceHooks: {} handler stopped with {} deliveries or events unfinished",
            named.provider(),
            left);
      }
    }
    for (DurableInbox<?> inbox : inboxes) {
      inbox.stop(remaining(deadline));
    }
    ThreadPoolExecutor pool = executor;
    if (pool != null) {
      pool.shutdown();
    }
  }

  private static Duration remaining(long deadline) {
    return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }
}
