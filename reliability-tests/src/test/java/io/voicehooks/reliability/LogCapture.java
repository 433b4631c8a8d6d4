package io.voicehooks.reliability;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.event.Level;

/**
 * What the library logged while a test was capturing: level, logger, the formatted message, every
 * argument's text, and the whole throwable as {@code printStackTrace} writes it (so every cause's
 * and every suppressed exception's message is included).
 */
final class LogCapture {
  private static volatile boolean capturing;
  private static final List<Entry> ENTRIES = Collections.synchronizedList(new ArrayList<>());

  private LogCapture() {}

  /** One logging call. */
  record Entry(
      Level level,
      String logger,
      String pattern,
      String message,
      List<String> arguments,
      @Nullable String throwable) {

    /** {@return everything this call would put in a log, as one text} */
    String text() {
      return level
          + " "
          + logger
          + " "
          + message
          + " "
          + String.join(" ", arguments)
          + (throwable == null ? "" : "\n" + throwable);
    }
  }

  static boolean isCapturing() {
    return capturing;
  }

  /** Starts capturing, dropping anything captured before. */
  static void start() {
    ENTRIES.clear();
    capturing = true;
  }

  /** Stops capturing and returns what was captured. */
  static List<Entry> stop() {
    capturing = false;
    synchronized (ENTRIES) {
      return List.copyOf(ENTRIES);
    }
  }

  static void record(
      Level level,
      String logger,
      @Nullable String pattern,
      @Nullable String message,
      Object @Nullable [] arguments,
      @Nullable Throwable throwable) {
    List<String> args = new ArrayList<>();
    if (arguments != null) {
      for (Object argument : arguments) {
        args.add(String.valueOf(argument));
      }
    }
    ENTRIES.add(
        new Entry(
            level,
            logger,
            String.valueOf(pattern),
            String.valueOf(message),
            List.copyOf(args),
            throwable == null ? null : describe(throwable)));
  }

  /** The throwable's full text: its stack trace with every cause and suppressed exception. */
  static String describe(Throwable throwable) {
    StringWriter out = new StringWriter();
    throwable.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
