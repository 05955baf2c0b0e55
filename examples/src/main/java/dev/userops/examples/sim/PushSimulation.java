package dev.userops.examples.sim;

import dev.userops.core.CalendarIndex;
import dev.userops.core.event.Activity;
import dev.userops.core.internal.Checks;
import dev.userops.incentives.push.Decision;
import dev.userops.incentives.push.Decision.Reason;
import dev.userops.incentives.push.Decision.Verdict;
import dev.userops.incentives.push.Message;
import dev.userops.incentives.push.PushOutcome;
import dev.userops.incentives.push.PushPolicy;
import dev.userops.incentives.push.PushState;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * The population view of a push policy: replays users' activity and a campaign plan through a {@link
 * PushPolicy} in time order and counts what was sent, deferred and dropped, by reason, per
 * channel and day. A sent message counts in its user's state ({@link PushPolicy#apply}); a deferred one is decided again
 * at its {@link Decision#until()} (and counted once as deferred, then by its final outcome).
 * Activity is applied before messages at the same instant; messages due together for one user go in
 * descending class priority, then plan order.
 */
public final class PushSimulation {
  private PushSimulation() {}

  /**
   * A plan entry: {@code message} to every user of {@code segment} at {@code at}.
   *
   * @param segment a key of the segments map given to {@link #run}
   * @param message what to send
   * @param at when the campaign wants it sent
   */
  public record PlannedMessage(String segment, Message message, Instant at) {
    /**
     * Requires all fields.
     *
     * @param segment a segment name
     * @param message what to send
     * @param at when the campaign wants it sent
     * @throws NullPointerException if an argument is null
     */
    public PlannedMessage {
      Checks.requireNonNull(segment, "segment");
      Checks.requireNonNull(message, "message");
      Checks.requireNonNull(at, "at");
    }
  }

  /**
   * Counts of one local day (in the report zone) and channel.
   *
   * @param day the day the decision was made, in the report zone
   * @param channel the channel id
   * @param sent messages sent
   * @param deferred deferrals (each deferred message is decided again later)
   * @param dropped drops by reason; reasons with no drop are absent
   */
  public record Row(LocalDate day, String channel, long sent, long deferred, Map<Reason, Long> dropped) {
    /**
     * Copies the map.
     *
     * @param day the local day in the report zone
     * @param channel the channel id
     * @param sent messages sent
     * @param deferred deferrals
     * @param dropped drops by reason
     * @throws NullPointerException if {@code dropped}, a reason or a count is null
     */
    public Row {
      dropped = Map.copyOf(dropped);
    }

    /**
     * Messages dropped for any reason.
     *
     * @return the sum of {@link #dropped()}, 0 if none
     */
    public long droppedTotal() {
      return dropped.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /**
   * The simulation's outcome.
   *
   * @param zone the zone of {@link Row#day()}
   * @param rows per day and channel, in day then channel order; only non-empty ones
   * @param finalStates each user's state after the run
   */
  public record Report(ZoneId zone, List<Row> rows, Map<Long, PushState> finalStates) {
    /**
     * Copies the collections.
     *
     * @param zone the zone of the rows' days
     * @param rows the rows
     * @param finalStates each user's state after the run
     * @throws NullPointerException if a collection, or an element, key or value of one, is null
     */
    public Report {
      rows = List.copyOf(rows);
      finalStates = Map.copyOf(finalStates);
    }
  }

  /**
   * Runs the simulation.
   *
   * @param policy the policy
   * @param states each user's state at the start, by user id
   * @param activity activity of those users (others' is ignored)
   * @param segments user ids per segment name
   * @param plan the campaign plan
   * @param zone the zone whose local days the report counts in
   * @return the counts and final states; the input states are not changed
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException for a plan segment not in {@code segments}, a segment member
   *     without a state, or an unknown channel or class
   */
  public static Report run(
      PushPolicy policy,
      Map<Long, PushState> states,
      Collection<Activity> activity,
      Map<String, ? extends Collection<Long>> segments,
      List<PlannedMessage> plan,
      ZoneId zone) {
    Checks.requireNonNull(policy, "policy");
    Map<Long, PushState> current = new HashMap<>(Checks.requireNonNull(states, "states"));
    PriorityQueue<Due> queue = new PriorityQueue<>();
    long seq = 0;
    for (Activity a : activity) {
      if (current.containsKey(a.userId())) {
        queue.add(new Due(a.occurredAt().toEpochMilli(), 0, Integer.MAX_VALUE, seq++, a.userId(), null));
      }
    }
    for (int p = 0; p < plan.size(); p++) {
      PlannedMessage entry = plan.get(p);
      Collection<Long> members = segments.get(entry.segment());
      Checks.checkArgument(members != null, "plan[%s].segment: unknown segment \"%s\" (known: %s)", p, entry.segment(), segments.keySet());
      Message message = entry.message();
      policy.channelIndex(message.channel());
      int priority = policy.priority(policy.classIndex(message.messageClass()));
      for (long userId : members) {
        Checks.checkArgument(current.containsKey(userId), "plan[%s]: user %s of segment \"%s\" has no state", p, userId, entry.segment());
        queue.add(new Due(entry.at().toEpochMilli(), 1, -priority, seq++, userId, message));
      }
    }
    CalendarIndex calendar = CalendarIndex.of(Checks.requireNonNull(zone, "zone"));
    Map<LocalDate, Map<String, Counts>> counts = new TreeMap<>();
    while (!queue.isEmpty()) {
      Due due = queue.poll();
      PushState state = current.get(due.userId);
      if (due.message == null) {
        current.put(due.userId, policy.recordActivity(state, Instant.ofEpochMilli(due.millis)));
        continue;
      }
      Instant now = Instant.ofEpochMilli(due.millis);
      PushOutcome outcome = policy.apply(state, due.message, now);
      Decision decision = outcome.decision();
      Counts c = counts
          .computeIfAbsent(LocalDate.ofEpochDay(calendar.dayIndex(due.millis)), d -> new TreeMap<>())
          .computeIfAbsent(due.message.channel(), ch -> new Counts());
      if (decision.verdict() == Verdict.SEND) {
        c.sent++;
        current.put(due.userId, outcome.state());
      } else if (decision.verdict() == Verdict.DEFER) {
        c.deferred++;
        queue.add(new Due(decision.until().toEpochMilli(), 1, due.priority, due.seq, due.userId, due.message));
      } else {
        c.dropped.merge(decision.reason(), 1L, Long::sum);
      }
    }
    List<Row> rows = new ArrayList<>();
    counts.forEach((day, byChannel) -> byChannel.forEach(
        (channel, c) -> rows.add(new Row(day, channel, c.sent, c.deferred, c.dropped))));
    return new Report(zone, rows, current);
  }

  private static final class Counts {
    long sent;
    long deferred;
    final Map<Reason, Long> dropped = new EnumMap<>(Reason.class);
  }

  /** A queued activity (message null) or message, ordered by time, kind, priority, plan order. */
  private record Due(long millis, int kind, int priority, long seq, long userId, Message message)
      implements Comparable<Due> {
    private static final Comparator<Due> ORDER = Comparator.comparingLong(Due::millis)
        .thenComparingInt(Due::kind)
        .thenComparingInt(Due::priority)
        .thenComparingLong(Due::seq);

    @Override
    public int compareTo(Due other) {
      return ORDER.compare(this, other);
    }
  }
}
