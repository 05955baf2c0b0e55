package dev.userops.core.internal;

import java.util.Objects;

/**
 * Argument checks whose messages name the rule and the offending value, for example
 * {@code "windowDays must be > 0, got -3"}. Programmer errors throw JDK exceptions: {@link
 * NullPointerException} for nulls, {@link IllegalArgumentException} for bad values and {@link
 * IllegalStateException} for calls in the wrong state.
 */
public final class Checks {
  private Checks() {}

  /**
   * Returns {@code value}, or throws NPE naming {@code name}.
   *
   * @param <T> the value's type
   * @param value the value to check
   * @param name the argument's name as the caller knows it, e.g. {@code "zone"}
   * @return {@code value}
   * @throws NullPointerException {@code "<name> must not be null"} if {@code value} is null
   */
  public static <T> T requireNonNull(T value, String name) {
    return Objects.requireNonNull(value, () -> name + " must not be null");
  }

  /**
   * Returns {@code value} if it is {@code > 0}.
   *
   * @param value the value to check
   * @param name the argument's name, used in the message
   * @return {@code value}
   * @throws IllegalArgumentException {@code "<name> must be > 0, got <value>"} otherwise
   */
  public static long requirePositive(long value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be > 0, got " + value);
    }
    return value;
  }

  /**
   * Returns {@code value} if it is {@code > 0}.
   *
   * @param value the value to check
   * @param name the argument's name, used in the message
   * @return {@code value}
   * @throws IllegalArgumentException {@code "<name> must be > 0, got <value>"} otherwise
   */
  public static int requirePositive(int value, String name) {
    return (int) requirePositive((long) value, name);
  }

  /**
   * Returns {@code value} if it is {@code >= 0}.
   *
   * @param value the value to check
   * @param name the argument's name, used in the message
   * @return {@code value}
   * @throws IllegalArgumentException {@code "<name> must be >= 0, got <value>"} otherwise
   */
  public static long requireNonNegative(long value, String name) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be >= 0, got " + value);
    }
    return value;
  }

  /**
   * Returns {@code value} if it is {@code >= 0}.
   *
   * @param value the value to check
   * @param name the argument's name, used in the message
   * @return {@code value}
   * @throws IllegalArgumentException {@code "<name> must be >= 0, got <value>"} otherwise
   */
  public static int requireNonNegative(int value, String name) {
    return (int) requireNonNegative((long) value, name);
  }

  /**
   * Returns {@code value} if {@code min <= value <= max}.
   *
   * @param value the value to check
   * @param min the smallest valid value, inclusive
   * @param max the largest valid value, inclusive
   * @param name the argument's name, used in the message
   * @return {@code value}
   * @throws IllegalArgumentException {@code "<name> must be in [<min>, <max>], got <value>"}
   *     otherwise
   */
  public static long requireInRange(long value, long min, long max, String name) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name + " must be in [" + min + ", " + max + "], got " + value);
    }
    return value;
  }

  /**
   * Returns {@code value} if {@code min <= value <= max}.
   *
   * @param value the value to check
   * @param min the smallest valid value, inclusive
   * @param max the largest valid value, inclusive
   * @param name the argument's name, used in the message
   * @return {@code value}
   * @throws IllegalArgumentException {@code "<name> must be in [<min>, <max>], got <value>"}
   *     otherwise
   */
  public static int requireInRange(int value, int min, int max, String name) {
    return (int) requireInRange((long) value, min, max, name);
  }

  /**
   * Returns {@code value} if {@code min <= value <= max}; NaN is never in range.
   *
   * @param value the value to check
   * @param min the smallest valid value, inclusive
   * @param max the largest valid value, inclusive; infinite for no upper bound
   * @param name the argument's name, used in the message
   * @return {@code value}
   * @throws IllegalArgumentException {@code "<name> must be in [<min>, <max>], got <value>"}
   *     otherwise
   */
  public static double requireInRange(double value, double min, double max, String name) {
    if (!(value >= min && value <= max)) {
      throw new IllegalArgumentException(
          name + " must be in [" + min + ", " + max + "], got " + value);
    }
    return value;
  }

  /**
   * Returns {@code value} if it is non-null and has a non-whitespace character.
   *
   * @param value the string to check
   * @param name the argument's name, used in the message
   * @return {@code value}, not trimmed
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if {@code value} is empty or only whitespace
   */
  public static String requireNonBlank(String value, String name) {
    requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank, got \"" + value + "\"");
    }
    return value;
  }

  /**
   * Throws unless every length is the same: the check of columns that must line up row for row.
   *
   * @param names the columns' names as the caller knows them, e.g. {@code "x, tx and T"}
   * @param lengths the columns' lengths, in the order of {@code names}
   * @throws IllegalArgumentException {@code "<names> must have equal lengths, got 1, 2 and 1"} if
   *     two lengths differ
   */
  public static void requireEqualLengths(String names, int... lengths) {
    for (int length : lengths) {
      if (length != lengths[0]) {
        StringBuilder got = new StringBuilder();
        for (int i = 0; i < lengths.length; i++) {
          got.append(i == 0 ? "" : i == lengths.length - 1 ? " and " : ", ").append(lengths[i]);
        }
        throw new IllegalArgumentException(names + " must have equal lengths, got " + got);
      }
    }
  }

  /**
   * Throws {@link IllegalArgumentException} with {@code String.format(template, args)} unless
   * {@code condition} holds. State the rule and the value in the template.
   *
   * @param condition the rule, {@code true} when the argument is valid
   * @param template a {@link String#format} template, e.g. {@code "%s must be > 0, got %s"}
   * @param args the template's arguments; formatted only on failure
   * @throws IllegalArgumentException if {@code condition} is {@code false}
   */
  public static void checkArgument(boolean condition, String template, Object... args) {
    if (!condition) {
      throw new IllegalArgumentException(String.format(template, args));
    }
  }

  /**
   * Throws {@link IllegalStateException} with {@code String.format(template, args)} unless
   * {@code condition} holds.
   *
   * @param condition the rule, {@code true} when the object is in a state that allows the call
   * @param template a {@link String#format} template
   * @param args the template's arguments; formatted only on failure
   * @throws IllegalStateException if {@code condition} is {@code false}
   */
  public static void checkState(boolean condition, String template, Object... args) {
    if (!condition) {
      throw new IllegalStateException(String.format(template, args));
    }
  }
}
