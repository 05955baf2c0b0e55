package dev.userops.examples.sim;

import dev.userops.incentives.OutcomeStatus;
import dev.userops.incentives.draw.DrawAudit;
import dev.userops.incentives.draw.DrawEvent;
import dev.userops.incentives.draw.DrawOutcome;
import dev.userops.incentives.draw.DrawPolicy;
import dev.userops.incentives.draw.DrawProgram;
import dev.userops.incentives.draw.DrawState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays events through a draw in time order across users, as one shop would: the prizes' stock is
 * shared, so a prize drawn by one user is gone for the next. Each user's state starts empty. Beside
 * what was awarded, it sums what each draw's odds, given the stock at that moment, made expected:
 * the sum over draws of each outcome's probability ({@link DrawPolicy#audit}'s slots).
 */
public final class DrawSimulation {
  /** The row of draws that awarded nothing. */
  public static final String NOTHING = "(nothing)";

  private final DrawPolicy policy;
  private final List<Pending> events = new ArrayList<>();

  private record Pending(int user, long at, int seq, DrawEvent event) {}

  /**
   * One prize's figures.
   *
   * @param id the prize id, the consolation's, or {@link #NOTHING}
   * @param awarded draws that awarded it
   * @param expected the sum of its probability over the draws
   * @param inventory units at the start, or {@code null} for unlimited
   * @param left units left at the end, or {@code null} for unlimited
   * @param costMinor {@code awarded × valueMinor}
   */
  public record PrizeRow(String id, long awarded, double expected, Long inventory, Long left, long costMinor) {}

  /**
   * Everything the report shows.
   *
   * @param draws events that drew
   * @param duplicates replayed events
   * @param rejected rejected events by kind of reason
   * @param prizes prizes best first, then the consolation (if any), then {@link #NOTHING}
   * @param costMinor the cost of all awards, minor units
   */
  public record Result(long draws, long duplicates, Map<String, Long> rejected, List<PrizeRow> prizes, long costMinor) {}

  public DrawSimulation(DrawPolicy policy) {
    this.policy = policy;
  }

  /** Adds an event of dense user {@code user}. */
  public void add(int user, DrawEvent event) {
    events.add(new Pending(user, event.occurredAt().toEpochMilli(), events.size(), event));
  }

  public Result run() {
    events.sort(Comparator.comparingLong(Pending::at).thenComparingInt(Pending::seq));
    DrawProgram program = policy.program();
    int prizes = program.prizes().size();
    long[] left = new long[prizes];
    for (int i = 0; i < prizes; i++) {
      Long inventory = program.prizes().get(i).inventory();
      left[i] = inventory == null ? Long.MAX_VALUE : inventory;
    }
    Map<String, Long> awarded = new LinkedHashMap<>();
    Map<String, Double> expected = new HashMap<>();
    Map<String, Long> rejected = new LinkedHashMap<>();
    Map<Integer, DrawState> states = new HashMap<>();
    long draws = 0;
    long duplicates = 0;
    for (Pending pending : events) {
      List<String> outOfStock = new ArrayList<>();
      for (int i = 0; i < prizes; i++) {
        if (left[i] == 0) {
          outOfStock.add(program.prizes().get(i).id());
        }
      }
      DrawOutcome outcome = policy.apply(states.getOrDefault(pending.user(), policy.newState()), pending.event(), outOfStock);
      states.put(pending.user(), outcome.state());
      if (outcome.status() == OutcomeStatus.DUPLICATE) {
        duplicates++;
        continue;
      } else if (outcome.status() == OutcomeStatus.REJECTED) {
        rejected.merge(reasonKind(outcome.reason()), 1L, Long::sum);
        continue;
      }
      draws++;
      String prize = outcome.effects().isEmpty() ? NOTHING : outcome.effects().get(0).prize();
      awarded.merge(prize, 1L, Long::sum);
      if (!outcome.effects().isEmpty() && !outcome.effects().get(0).consolation()) {
        left[program.prizeIndex(prize)]--;
      }
      DrawAudit audit = policy.audit(pending.event(), outOfStock);
      for (DrawAudit.Slot slot : audit.slots()) {
        double p = (slot.to() - slot.from()) / (double) audit.total();
        expected.merge(slot.awards() == null ? NOTHING : slot.awards(), p, Double::sum);
      }
    }
    List<PrizeRow> rows = new ArrayList<>();
    long cost = 0;
    for (int i = 0; i < prizes; i++) {
      DrawProgram.Prize prize = program.prizes().get(i);
      long count = awarded.getOrDefault(prize.id(), 0L);
      long rowCost = Math.multiplyExact(count, prize.valueMinor());
      cost = Math.addExact(cost, rowCost);
      rows.add(new PrizeRow(prize.id(), count, expected.getOrDefault(prize.id(), 0.0), prize.inventory(),
          prize.inventory() == null ? null : left[i], rowCost));
    }
    if (program.consolation() != null) {
      String id = program.consolation().id();
      long count = awarded.getOrDefault(id, 0L);
      long rowCost = Math.multiplyExact(count, program.consolation().valueMinor());
      cost = Math.addExact(cost, rowCost);
      rows.add(new PrizeRow(id, count, expected.getOrDefault(id, 0.0), null, null, rowCost));
    }
    rows.add(new PrizeRow(NOTHING, awarded.getOrDefault(NOTHING, 0L), expected.getOrDefault(NOTHING, 0.0), null, null, 0));
    return new Result(draws, duplicates, rejected, rows, cost);
  }

  /** The kind of a rejection, from the start of the policy's reason. */
  private static String reasonKind(String reason) {
    if (reason.startsWith("amount")) {
      return "below the minimum spend";
    } else if (reason.startsWith("the cap")) {
      return "cap reached";
    } else if (reason.startsWith("event at")) {
      return "late";
    } else if (reason.startsWith("guaranteed")) {
      return "guaranteed prize out of stock";
    }
    return "tags";
  }
}
