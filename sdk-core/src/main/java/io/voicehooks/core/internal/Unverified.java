package io.voicehooks.core.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.LoggerFactory;

/**
 * The one way a parser says that it checks no authenticity (Agni without an expected organisation,
 * Agntix without verification, Vaani and cllr without a verifier): one WARN line, the first time
 * the parser parses a delivery, per parser instance, naming the parser and the setting that adds
 * the check, never a value. A parser that is built but never used stays silent, and SLF4J is not
 * even started for it.
 */
public final class Unverified {
  private final Class<?> parser;
  private final String message;
  private final AtomicBoolean warned = new AtomicBoolean();

  /**
   * Creates the warning of one parser instance.
   *
   * @param parser the parser's class, which names the logger
   * @param message what is unchecked and how to check it
   */
  public Unverified(Class<?> parser, String message) {
    this.parser = parser;
    this.message = message;
  }

  /** Logs the warning, unless this instance has logged it already. */
  public void warnOnce() {
    if (!warned.get() && warned.compareAndSet(false, true)) {
      LoggerFactory.getLogger(parser).warn("{} {}", parser.getSimpleName(), message);
    }
  }
}
