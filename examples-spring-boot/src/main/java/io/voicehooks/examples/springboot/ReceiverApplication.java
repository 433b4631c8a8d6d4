package io.voicehooks.examples.springboot;

import io.voicehooks.agntix.SessionEndedEvent;
import io.voicehooks.core.CallSummary;
import io.voicehooks.core.FinishedCallEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.event.EventListener;

/**
 * A receiver for all four providers: the starter registers an endpoint per provider configured in
 * {@code application.yml}, and every event reaches the {@code @EventListener} methods whose
 * parameter type it has.
 */
@SpringBootApplication
public class ReceiverApplication {
  private static final Logger LOG = LoggerFactory.getLogger(ReceiverApplication.class);

  /**
   * Every provider's "call finished" event: Agni's {@code call.completed}, Vaani's {@code
   * call_postprocessing}, Agntix's {@code session.ended} and cllr's post-call payload.
   *
   * @param event the finished call
   */
  @EventListener
  void on(FinishedCallEvent event) {
    CallSummary call = event.callSummary();
    LOG.info("{} call {} ended: {}", call.provider(), call.callId(), call.outcome());
  }

  /**
   * One provider's event, with everything it carries.
   *
   * @param event an Agntix session that ended
   */
  @EventListener
  void on(SessionEndedEvent event) {
    LOG.info("Agntix session {} ended", event.sessionId());
  }

  /**
   * Starts the receiver.
   *
   * @param args Spring Boot's arguments, such as {@code --server.port=8080}
   */
  public static void main(String[] args) {
    SpringApplication.run(ReceiverApplication.class, args);
  }
}
