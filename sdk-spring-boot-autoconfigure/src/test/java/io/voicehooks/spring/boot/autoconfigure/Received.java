package io.voicehooks.spring.boot.autoconfigure;

import io.voicehooks.agni.AgniEvent;
import io.voicehooks.agni.AgniEventListener;
import io.voicehooks.agntix.AgntixEvent;
import io.voicehooks.agntix.AgntixEventListener;
import io.voicehooks.cllr.CllrEvent;
import io.voicehooks.cllr.CllrEventListener;
import io.voicehooks.core.FinishedCallEvent;
import io.voicehooks.core.WebhookEvent;
import io.voicehooks.vaani.VaaniEvent;
import io.voicehooks.vaani.VaaniEventListener;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;

/**
 * What a test application's listeners received: per idempotency key, how many times the listener
 * beans and the {@code @EventListener} method saw it, and the order of calls per key.
 */
final class Received {
  final Map<String, AtomicInteger> byListenerBeans = new ConcurrentHashMap<>();
  final Map<String, AtomicInteger> byEventListener = new ConcurrentHashMap<>();
  final List<String> calls = new CopyOnWriteArrayList<>();
  final List<String> finishedCalls = new CopyOnWriteArrayList<>();

  /** Keys whose listener throws at its first call, to test the 500 and the retry. */
  final Map<String, AtomicInteger> failFirst = new ConcurrentHashMap<>();

  void listenerBean(String name, WebhookEvent event) {
    calls.add(name + ":" + event.idempotencyKey());
    AtomicInteger failures = failFirst.get(event.idempotencyKey());
    if (failures != null && failures.getAndIncrement() == 0) {
      throw new IllegalStateException("listener fails once, as asked by the test");
    }
    byListenerBeans
        .computeIfAbsent(event.idempotencyKey(), k -> new AtomicInteger())
        .incrementAndGet();
  }

  int listenerBeans(String key) {
    AtomicInteger count = byListenerBeans.get(key);
    return count == null ? 0 : count.get();
  }

  int eventListener(String key) {
    AtomicInteger count = byEventListener.get(key);
    return count == null ? 0 : count.get();
  }

  /**
   * One listener bean per provider, a second Agntix one ordered before it, and an EventListener.
   */
  @Configuration(proxyBeanMethods = false)
  static class Listeners {
    @Bean
    Received received() {
      return new Received();
    }

    @Bean
    AgniEventListener agniListener(Received received) {
      return new AgniEventListener() {
        @Override
        public void accept(AgniEvent event) {
          received.listenerBean("agni", event);
        }
      };
    }

    @Bean
    VaaniEventListener vaaniListener(Received received) {
      return new VaaniEventListener() {
        @Override
        public void accept(VaaniEvent event) {
          received.listenerBean("vaani", event);
        }
      };
    }

    @Bean
    @Order(2)
    AgntixEventListener agntixListener(Received received) {
      return new AgntixEventListener() {
        @Override
        public void accept(AgntixEvent event) {
          received.listenerBean("agntix", event);
        }
      };
    }

    @Bean
    @Order(1)
    AgntixEventListener agntixAuditListener(Received received) {
      return new AgntixEventListener() {
        @Override
        public void accept(AgntixEvent event) {
          received.calls.add("agntix-audit:" + event.idempotencyKey());
        }
      };
    }

    @Bean
    CllrEventListener cllrListener(Received received) {
      return new CllrEventListener() {
        @Override
        public void accept(CllrEvent event) {
          received.listenerBean("cllr", event);
        }
      };
    }

    @Bean
    ApplicationEvents applicationEvents(Received received) {
      return new ApplicationEvents(received);
    }
  }

  /** Receives every event as a Spring application event. */
  static final class ApplicationEvents {
    private final Received received;

    ApplicationEvents(Received received) {
      this.received = received;
    }

    @EventListener
    void on(WebhookEvent event) {
      received.calls.add("event:" + event.idempotencyKey());
      received
          .byEventListener
          .computeIfAbsent(event.idempotencyKey(), k -> new AtomicInteger())
          .incrementAndGet();
    }

    @EventListener
    void onFinishedCall(FinishedCallEvent event) {
      received.finishedCalls.add(
          event.callSummary().provider() + ":" + event.callSummary().callId());
    }
  }
}
