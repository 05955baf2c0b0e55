package dev.userops.benchmarks;

/**
 * The check a benchmark's setup makes before anything is measured: its variants computed the same
 * answer, or the run stops rather than time a wrong result.
 */
public final class SetupChecks {
  private SetupChecks() {}

  /**
   * Stops the run unless {@code condition} holds.
   *
   * @param condition what the setup expects
   * @param template the message, a {@link String#format} template
   * @param args the template's arguments
   * @throws IllegalStateException with the formatted message if {@code condition} is false
   */
  public static void check(boolean condition, String template, Object... args) {
    if (!condition) {
      throw new IllegalStateException(String.format(template, args));
    }
  }
}
