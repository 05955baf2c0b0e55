package dev.userops.examples.report;

import dev.userops.core.BadRecordPolicy;
import dev.userops.core.CalendarIndex;
import dev.userops.core.Diagnostics;
import dev.userops.core.Granularity;
import dev.userops.core.event.Order;
import dev.userops.core.event.OrderStatus;
import dev.userops.core.internal.BadRecords;
import dev.userops.core.summary.OrderSummary;
import dev.userops.core.summary.OrderSummaryAccumulator;
import dev.userops.core.summary.OrderSummarySpec;
import dev.userops.examples.input.Events;
import dev.userops.examples.input.OrderTable;
import dev.userops.retention.active.ActiveUsersAccumulator;
import dev.userops.retention.active.ActiveUsersSpec;
import dev.userops.retention.cohort.RetentionAccumulator;
import dev.userops.retention.cohort.RetentionMatrix;
import dev.userops.retention.cohort.RetentionSpec;
import dev.userops.retention.repurchase.RepurchaseAccumulator;
import dev.userops.retention.repurchase.RepurchaseSpec;
import dev.userops.segmentation.dimensions.LifecycleRules;
import dev.userops.segmentation.dimensions.LifecycleStage;
import dev.userops.segmentation.dimensions.UserActivity;
import dev.userops.segmentation.dimensions.ValueTiers;
import dev.userops.segmentation.rfm.RfmAccumulator;
import dev.userops.segmentation.rfm.RfmFeatures;
import dev.userops.segmentation.rfm.RfmScoring;
import dev.userops.segmentation.rfm.RfmSegments;
import dev.userops.segmentation.rfm.RfmSpec;
import dev.userops.segmentation.rfm.SegmentTable;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The calculation behind {@code userops report}: every order and activity event goes through one
 * bad-record screen and then, once, into each of the library's accumulators, so the figures of all
 * sections count exactly the same orders. State is per user (the accumulators' and one {@link
 * UserActivity} for the lifecycle), never per order. Not thread-safe; use once.
 */
public final class UserBaseReport {
  /** Retention columns tracked: the most a matrix holds; columns nobody has reached are dropped. */
  private static final int RETENTION_INTERVALS = RetentionSpec.MAX_SPAN;
  /** Active-user windows end on the last complete day and reach 30 days back. */
  private static final int ACTIVE_DAYS = 30;

  private final ZoneId zone;
  private final Instant asOf;
  private final long asOfMillis;
  private final CalendarIndex calendar;
  private final BadRecords screen;
  private final OrderSummaryAccumulator summary;
  private final RfmAccumulator rfm;
  private final RetentionAccumulator retention;
  private final RepurchaseAccumulator repurchase;
  private final ActiveUsersAccumulator active;
  /** {@code null} in the parts {@link #compute} merges, which feeds one copy from every part. */
  private ValueInputs value;
  private UserActivity[] activity = new UserActivity[1024];
  private long records;

  /**
   * @param withEvents whether activity events will be added: they then count for the lifecycle and
   *     active users, which are otherwise left out
   */
  public UserBaseReport(ZoneId zone, Instant asOf, BadRecordPolicy policy, boolean withEvents) {
    this(zone, asOf, policy, withEvents, true);
  }

  /** @param withValue whether this report feeds the value section's accumulators itself */
  private UserBaseReport(ZoneId zone, Instant asOf, BadRecordPolicy policy, boolean withEvents, boolean withValue) {
    this.zone = zone;
    this.asOf = asOf;
    this.asOfMillis = asOf.toEpochMilli();
    this.calendar = CalendarIndex.of(zone);
    this.screen = new BadRecords(policy);
    // Orders pass the screen before they reach an accumulator, so these never see a bad record.
    this.summary = new OrderSummarySpec(zone, asOf, policy).newAccumulator();
    this.rfm = new RfmSpec(zone, asOf, null, null, policy).newAccumulator();
    LocalDate asOfDate = LocalDate.ofInstant(asOf, zone);
    // Cohorts from the epoch: the range of the data is not known before it is read, and the empty
    // leading cohorts cost a few counters each; ReportFigures drops them.
    this.retention = new RetentionSpec(Granularity.MONTH, zone, DayOfWeek.MONDAY, RETENTION_INTERVALS, List.of(),
        LocalDate.EPOCH, asOfDate, asOf, List.of(), List.of(), null, null, null, policy).newAccumulator();
    this.repurchase = RepurchaseSpec.of(zone, asOf).withBadRecords(policy).newAccumulator();
    LocalDate lastCompleteDay = lastCompleteDay(calendar, asOfMillis);
    this.value = withValue ? new ValueInputs(zone, asOf, policy) : null;
    this.active = withEvents
        ? new ActiveUsersSpec(zone, lastCompleteDay.minusDays(ACTIVE_DAYS - 1), lastCompleteDay, null, policy)
            .newAccumulator()
        : null;
  }

  /** The last local day that has fully elapsed at {@code asOfMillis} (its last millisecond at or before). */
  static LocalDate lastCompleteDay(CalendarIndex calendar, long asOfMillis) {
    return LocalDate.ofEpochDay(calendar.dayIndex(asOfMillis + 1) - 1);
  }

  /**
   * The report over every screened order of {@code orders} and every event of {@code activity}:
   * each part of the table feeds its own report on its own thread, and the parts' reports are
   * merged, which the accumulators' laws make equal to one sequential pass.
   *
   * @param activity events with the same user ids as the orders, or {@code null} for none
   * @param executor runs the parts, as many at once as it has threads
   */
  public static UserBaseReport compute(
      OrderTable orders, Events activity, ZoneId zone, Instant asOf, BadRecordPolicy policy, ExecutorService executor)
      throws InterruptedException {
    boolean withEvents = activity != null;
    List<Future<UserBaseReport>> parts = new ArrayList<>();
    for (int k = 0; k < orders.parts(); k++) {
      int part = k;
      parts.add(executor.submit(() -> {
        UserBaseReport report = new UserBaseReport(zone, asOf, policy, withEvents, false);
        orders.forEach(part, report::addOrder);
        return report;
      }));
    }
    // Last in the queue: it reads every part in turn while the parts' reports are computed.
    Future<ValueInputs> value = executor.submit(() -> {
      ValueInputs inputs = new ValueInputs(zone, asOf, policy);
      for (int k = 0; k < orders.parts(); k++) {
        orders.forEach(k, inputs::addOrder);
      }
      return inputs;
    });
    UserBaseReport total = null;
    for (Future<UserBaseReport> part : parts) {
      UserBaseReport report = result(part);
      if (total == null) {
        total = report;
      } else {
        total.merge(report);
      }
    }
    total.value = result(value);
    if (activity != null) {
      UserBaseReport events = total;
      activity.feed((userId, epochMillis, start, returned) -> events.addActivity(userId, epochMillis), name -> true,
          name -> true);
    }
    return total;
  }

  private static <T> T result(Future<T> task) throws InterruptedException {
    try {
      return task.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException unchecked ? unchecked : new IllegalStateException(e.getCause());
    }
  }

  /**
   * Adds one order record: screened (negative amount, before 1970, after {@code asOf}), then
   * counted in the summary by status and, when paid, everywhere else.
   *
   * @throws dev.userops.core.BadRecordException for a bad record under {@code REJECT}
   */
  public void addOrder(Order order) {
    addOrder(order.userId(), order.occurredAtMillis(), order.amountMinor(), order.status());
  }

  /**
   * Adds one order record as primitives, like {@link #addOrder(Order)}.
   *
   * @param userId the buyer's dense id
   * @param millis when the order was placed, epoch milliseconds
   * @param amountMinor the order total in minor units
   * @param status the order's status
   */
  public void addOrder(long userId, long millis, long amountMinor, OrderStatus status) {
    if (!screen.acceptOrder(records++, millis, amountMinor, asOfMillis)) {
      return;
    }
    summary.add(userId, millis, amountMinor, status);
    if (status.isValidOrder()) {
      rfm.add(userId, millis, amountMinor);
      retention.add(userId, millis, true, true);
      repurchase.add(userId, millis);
      if (value != null) {
        value.addValid(userId, millis, amountMinor);
      }
      observe(userId, calendar.dayIndex(millis));
    }
  }

  /**
   * Adds one activity event of a user (any event name): it counts for the lifecycle and active
   * users, not for orders, retention or repurchase.
   *
   * @throws dev.userops.core.BadRecordException for a bad record under {@code REJECT}
   */
  public void addActivity(long userId, long epochMillis) {
    if (active == null) {
      throw new IllegalStateException("created without events");
    }
    if (screen.acceptTime(records++, epochMillis, asOfMillis)) {
      active.add(userId, epochMillis);
      observe(userId, calendar.dayIndex(epochMillis));
    }
  }

  private void observe(long userId, long day) {
    int user = Math.toIntExact(userId);
    if (user >= activity.length) {
      activity = Arrays.copyOf(activity, Math.max(user + 1, activity.length * 2));
    }
    UserActivity seen = activity[user];
    activity[user] = seen == null ? UserActivity.of(day) : seen.observe(day);
  }

  /**
   * Adds everything {@code other} has seen to this report, as if its records had been added here:
   * the two must have been made with the same settings. The user ids of both must come from one
   * dictionary.
   *
   * @param other a report of another part of the same input; left unchanged
   */
  public void merge(UserBaseReport other) {
    if ((active == null) != (other.active == null)) {
      throw new IllegalArgumentException("cannot merge a report with events and one without");
    }
    screen.merge(other.screen);
    records += other.records;
    summary.merge(other.summary);
    rfm.merge(other.rfm);
    retention.merge(other.retention);
    repurchase.merge(other.repurchase);
    if ((value == null) != (other.value == null)) {
      throw new IllegalArgumentException("cannot merge a report with the value inputs and one without");
    }
    if (value != null) {
      value.merge(other.value);
    }
    if (active != null) {
      active.merge(other.active);
    }
    for (int user = 0; user < other.activity.length; user++) {
      UserActivity seen = other.activity[user];
      if (seen != null) {
        // The first, previous and last days are all that the observation of any other day keeps.
        observe(user, seen.firstDay());
        observe(user, seen.previousDay());
        observe(user, seen.lastDay());
      }
    }
  }

  /** The figures of everything added, with the bad records the reader found before. */
  public ReportFigures figures(ReportFigures.Source source, Diagnostics readerDiagnostics) {
    return figures(source, readerDiagnostics, Runnable::run);
  }

  /**
   * The figures of everything added, like {@link #figures(ReportFigures.Source, Diagnostics)}, with
   * the RFM segments and the value tier, which rank every user, computed on {@code executor} while
   * this thread computes the rest.
   */
  public ReportFigures figures(ReportFigures.Source source, Diagnostics readerDiagnostics, Executor executor) {
    RfmFeatures features = rfm.result();
    CompletableFuture<RfmSegments> segments = CompletableFuture.supplyAsync(() -> SegmentTable.vignette()
        .segment(features, RfmScoring.quantiles(RfmScoring.DEFAULT_SCORES).score(features)), executor);
    CompletableFuture<ValueTiers.Tier> valueTier =
        CompletableFuture.supplyAsync(() -> ValueTiers.DEFAULT.tier(features), executor);
    CompletableFuture<ValueFigures> valueFigures = segments.thenApplyAsync(
        segmented -> value.figures(features, segmented),
        executor);
    OrderSummary orders = summary.result();
    RetentionMatrix matrix = retention.result().trimmed();
    return new ReportFigures(
        source,
        zone,
        asOf,
        orders,
        segments.join().sizes(),
        matrix,
        repurchase.result(),
        lifecycle(),
        valueTier.join(),
        valueFigures.join(),
        active == null ? null : active.result(),
        readerDiagnostics.plus(screen.diagnostics()));
  }


  private ReportFigures.Lifecycle lifecycle() {
    LifecycleRules rules = LifecycleRules.DEFAULT;
    long asOfDay = calendar.dayIndex(asOfMillis);
    Map<LifecycleStage, Long> users = new EnumMap<>(LifecycleStage.class);
    for (LifecycleStage stage : LifecycleStage.values()) {
      users.put(stage, 0L);
    }
    for (UserActivity user : activity) {
      if (user != null) {
        users.merge(rules.stage(user, asOfDay), 1L, Long::sum);
      }
    }
    return new ReportFigures.Lifecycle(active == null ? "valid orders" : "valid orders and events", rules, users);
  }


}
