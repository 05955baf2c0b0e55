package dev.userops.examples.sim;

import dev.userops.incentives.BehaviourDone;
import dev.userops.incentives.Evaluation;
import dev.userops.incentives.OrderPaid;
import dev.userops.incentives.OutcomeStatus;
import dev.userops.incentives.levels.LevelEvent;
import dev.userops.incentives.levels.LevelPolicy;
import dev.userops.incentives.levels.LevelProgram;
import dev.userops.incentives.levels.LevelState;
import dev.userops.incentives.points.PointsEvent;
import dev.userops.incentives.points.PointsOutcome;
import dev.userops.incentives.points.PointsPolicy;
import dev.userops.incentives.points.PointsState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays every user's events, in time order, through the points policy (and the level policy, when
 * a level program is given), then evaluates both at {@code asOf}. The level before an order or a
 * behaviour is passed in the event ({@code withLevel}) and sets its points multiplier, from the
 * points program's {@code levelMultipliers}; the event's growth counts from then on.
 */
public final class PointsSimulation {
  private final PointsPolicy points;
  private final LevelPolicy levels;
  private final List<Pending> events = new ArrayList<>();

  private record Pending(int user, long at, int seq, PointsEvent points, LevelEvent level) {}

  /** One user's result. */
  public record UserResult(int user, PointsState points, String level) {}

  /** Everything the report shows. */
  public record Result(List<UserResult> users, long duplicates, Map<String, Long> rejected) {}

  public PointsSimulation(PointsPolicy points, LevelPolicy levels) {
    this.points = points;
    this.levels = levels;
  }

  /** Adds an event of dense user {@code user}; {@code level} may be null. */
  public void add(int user, PointsEvent pointsEvent, LevelEvent levelEvent) {
    events.add(new Pending(user, pointsEvent.atMillis(), events.size(), pointsEvent, levelEvent));
  }

  public Result run(Instant asOf) {
    events.sort(Comparator.comparingInt(Pending::user).thenComparingLong(Pending::at).thenComparingInt(Pending::seq));
    List<UserResult> users = new ArrayList<>();
    long duplicates = 0;
    Map<String, Long> rejected = new LinkedHashMap<>();
    int i = 0;
    while (i < events.size()) {
      int user = events.get(i).user();
      PointsState pointsState = points.newState();
      LevelState levelState = levels == null ? null : levels.newState();
      for (; i < events.size() && events.get(i).user() == user; i++) {
        Pending event = events.get(i);
        PointsEvent pointsEvent = event.points();
        if (levelState != null && pointsEvent instanceof OrderPaid order) {
          pointsEvent = order.withLevel(levelState.level());
        } else if (levelState != null && pointsEvent instanceof BehaviourDone behaviour) {
          pointsEvent = behaviour.withLevel(levelState.level());
        }
        PointsOutcome outcome = points.apply(pointsState, pointsEvent);
        pointsState = outcome.state();
        if (outcome.status() == OutcomeStatus.DUPLICATE) {
          duplicates++;
        } else if (outcome.status() == OutcomeStatus.REJECTED) {
          rejected.merge(reasonKind(outcome.reason()), 1L, Long::sum);
        }
        if (levelState != null && event.level() != null) {
          levelState = levels.apply(levelState, event.level()).state();
        }
      }
      pointsState = points.apply(pointsState, new Evaluation(asOf)).state();
      if (levelState != null) {
        levelState = levels.apply(levelState, new Evaluation(asOf)).state();
      }
      users.add(new UserResult(user, pointsState, levelState == null ? null : levelState.level()));
    }
    return new Result(users, duplicates, rejected);
  }

  /** The reason up to its first colon: "insufficient balance", "unknown order …", "late". */
  private static String reasonKind(String reason) {
    int colon = reason.indexOf(':');
    String kind = colon < 0 ? reason : reason.substring(0, colon);
    return kind.startsWith("unknown order") ? "unknown order" : kind;
  }

  /** The level program's level ids in order, for a distribution table with zeros. */
  public static List<String> levelIds(LevelProgram levelProgram) {
    return levelProgram.levels().stream().map(LevelProgram.Level::id).toList();
  }
}
