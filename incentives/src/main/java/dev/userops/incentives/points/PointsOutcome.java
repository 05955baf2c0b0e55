package dev.userops.incentives.points;

import dev.userops.core.internal.Checks;
import dev.userops.incentives.OutcomeStatus;
import java.util.List;

/**
 * The result of applying one event: the new state and the ledger entries to persist with it in
 * one transaction. The entries of an outcome {@link PointsPolicy#apply} made are built when read
 * (each read makes new records, equal to the last), so an event makes no key string the host does
 * not read.
 *
 * @param state the user's state after the event (the input state when nothing changed)
 * @param entries the effects, in order; empty for duplicates and rejections
 * @param status applied, duplicate or rejected
 * @param reason why it was rejected or a duplicate, {@code null} when applied
 */
public record PointsOutcome(PointsState state, List<LedgerEntry> entries, OutcomeStatus status, String reason) {

  /**
   * Checks state and status and copies the entries.
   *
   * @param state the state to persist
   * @param entries the ledger entries to persist with it
   * @param status applied, duplicate or rejected
   * @param reason why it was not applied, or {@code null}
   * @throws NullPointerException if {@code state}, {@code entries}, an entry or {@code status} is
   *     null
   */
  public PointsOutcome {
    Checks.requireNonNull(state, "state");
    // A policy's own entries are kept as they are: their records are made when read.
    entries = entries instanceof EntryRow.Entries ? entries : List.copyOf(entries);
    Checks.requireNonNull(status, "status");
  }

  /**
   * Whether the event took effect.
   *
   * @return {@code status() == APPLIED}
   */
  public boolean applied() {
    return status == OutcomeStatus.APPLIED;
  }
}
