package io.voicehooks.core.internal;

/**
 * The one rule for what a listener's failure may do: the JVM's own errors ({@link
 * VirtualMachineError}, such as {@link OutOfMemoryError}) propagate once the delivery's state is
 * cleaned up; anything else, a listener's {@link StackOverflowError} included, is that event's
 * failure and is handled as such.
 */
public final class Failures {
  private Failures() {}

  /**
   * Tells whether a failure is the JVM's own and must propagate.
   *
   * @param failure what was thrown
   * @return true for a {@link VirtualMachineError} other than {@link StackOverflowError}
   */
  public static boolean isFatal(Throwable failure) {
    return failure instanceof VirtualMachineError && !(failure instanceof StackOverflowError);
  }

  /**
   * Rethrows a failure that {@link #isFatal(Throwable) is fatal}; returns otherwise.
   *
   * @param failure what was thrown
   */
  public static void rethrowIfFatal(Throwable failure) {
    if (isFatal(failure)) {
      throw (VirtualMachineError) failure;
    }
  }
}
