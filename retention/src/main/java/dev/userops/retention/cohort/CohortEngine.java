package dev.userops.retention.cohort;

import dev.userops.core.internal.BinaryForm;
import java.util.function.IntConsumer;

/**
 * The per-user state of one family of specs (first-time calendar, recurring calendar, rolling).
 * Users are dense ids in {@code [0, Integer.MAX_VALUE)}.
 */
interface CohortEngine {

  /** One screened event of {@code user}; at least one of {@code start} and {@code returned}. */
  void add(int user, long epochMillis, boolean start, boolean returned);

  /** Adds {@code other}'s state (an engine of the same class and frame), leaving it unchanged. */
  void merge(CohortEngine other);

  /**
   * Hands every (cohort, user) membership to {@code tally}: the cohort's offset from the first
   * cohort and a mask whose bit k (1 ≤ k ≤ span) says the user returned in interval k after their
   * start, and any bit above the span that they returned in some later interval.
   */
  void tally(Tally tally);

  void writeTo(BinaryForm.Writer writer);

  void readFrom(BinaryForm.Reader reader);

  /**
   * Reads a user count, then per user its id (strictly ascending, as written) and hands the id to
   * {@code readUser}, which reads that user's fields.
   */
  static void readUsers(BinaryForm.Reader reader, IntConsumer readUser) {
    int users = reader.getInt("users", 0, Integer.MAX_VALUE);
    int previous = -1;
    for (int i = 0; i < users; i++) {
      int user = reader.getInt("user", previous + 1, Integer.MAX_VALUE - 1);
      readUser.accept(user);
      previous = user;
    }
  }
}
