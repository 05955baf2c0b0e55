package dev.userops.benchmarks.scale;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.userops.core.Accumulator;
import dev.userops.core.BadRecordPolicy;
import dev.userops.core.Granularity;
import dev.userops.core.WindowMode;
import dev.userops.core.event.OrderStatus;
import dev.userops.core.summary.OrderSummaryAccumulator;
import dev.userops.core.summary.OrderSummarySpec;
import dev.userops.incentives.membership.MembershipAccumulator;
import dev.userops.incentives.membership.MembershipSpec;
import dev.userops.retention.active.ActiveUsersAccumulator;
import dev.userops.retention.active.ActiveUsersSpec;
import dev.userops.retention.cohort.CohortMode;
import dev.userops.retention.cohort.RetentionAccumulator;
import dev.userops.retention.cohort.RetentionSpec;
import dev.userops.retention.clv.ClvSummaryAccumulator;
import dev.userops.retention.clv.ClvSummarySpec;
import dev.userops.retention.cohort.ReturnMode;
import dev.userops.retention.repurchase.RepurchaseAccumulator;
import dev.userops.retention.repurchase.RepurchaseSpec;
import dev.userops.retention.value.AcquisitionAccumulator;
import dev.userops.retention.value.AcquisitionSpec;
import dev.userops.retention.value.LtvAccumulator;
import dev.userops.retention.value.LtvSpec;
import dev.userops.retention.winback.WinBackAccumulator;
import dev.userops.retention.winback.WinBackSpec;
import dev.userops.segmentation.rfm.RfmAccumulator;
import dev.userops.segmentation.rfm.RfmSpec;
import dev.userops.segmentation.tags.TagCatalog;
import dev.userops.segmentation.tags.TagCountSpec;
import dev.userops.segmentation.tags.TagCounter;
import dev.userops.segmentation.tags.TagRule;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jol.info.GraphStats;

/**
 * Every accumulator at scale (issue 11): {@value #USERS} users and {@value #EVENTS} events (12 per
 * user) over 2026 in UTC, one {@code add} per event into a fresh accumulator per operation, on one
 * core ({@code CLV_SUMMARY} then calls {@code result()}, which folds its order log). JMH reports events/s ({@code @OperationsPerInvocation}). {@link #setUp()} fills one
 * accumulator, prints its state size per user — the retained heap of its object graph (JOL, spec
 * and calendar included) and {@code toByteArray().length} — as a line starting {@code SCALE}, and
 * fails the run if either exceeds the accumulator's designed bytes per user ({@link Case}).
 *
 * <p>Each user has one first event (a retention start; every accumulator takes it as an order or
 * activity) at a uniform time of the year's first 240 days and 11 more at uniform times from it to
 * the year's end. Events are in time order, as logs are, so users arrive in random
 * order; {@code -p order=SHUFFLED} shuffles them instead (returns then arrive before their user's
 * start), {@code -p order=BY_USER} groups them by user (the cache's best case). Tag counts add one user's precomputed tag bits (20 tags) per
 * event: counting is constant in users, evaluating profiles is {@code TagEvaluationBenchmark}'s.
 * The value accumulators take every event as a valid order with the user's channel (one of five,
 * by user id) as its attribute; acquisition also takes each user's first event as a sign-up.
 *
 * <p>Run (from the project root, after {@code mvn -pl benchmarks -am -DskipTests package}):
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar ScaleBenchmark -jvmArgs -Xmx8g -f 1 -wi 2 -w 2s -i 3 -r 2s
 * java -jar benchmarks/target/benchmarks.jar ScaleBenchmark -p accumulator=ACTIVE_USERS_365_TRACKED,RETENTION_FIRST_TIME -p order=SHUFFLED,BY_USER -jvmArgs -Xmx8g -f 1 -wi 2 -w 2s -i 3 -r 2s
 * java -jar benchmarks/target/benchmarks.jar ScaleBenchmark -p accumulator=LTV_MONTHLY,LTV_DAILY,ACQUISITION_MONTHLY -jvmArgs -Xmx8g -f 1 -wi 2 -w 2s -i 3 -r 2s
 * java -jar benchmarks/target/benchmarks.jar ScaleBenchmark -p accumulator=MEMBERSHIP_MONTHLY -jvmArgs -Xmx8g -f 1 -wi 2 -w 2s -i 3 -r 2s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ScaleBenchmark {
  /** Users, dense ids {@code 0..USERS-1}. */
  public static final int USERS = 1_000_000;

  /** Events per user. */
  public static final int EVENTS_PER_USER = 12;

  /** Events in all. */
  public static final int EVENTS = USERS * EVENTS_PER_USER;

  private static final LocalDate YEAR = LocalDate.of(2026, 1, 1);
  private static final int DAYS = 365;
  private static final int START_DAYS = 240;
  private static final long DAY_MILLIS = 86_400_000L;
  private static final Instant AS_OF = Instant.parse("2026-12-31T23:59:59.999Z");
  private static final int TAGS = 20;
  private static final int TAG_POOL = 1024;

  static {
    // Specs are records, whose field offsets Unsafe refuses since JDK 16: JOL needs this to walk them.
    System.setProperty("jol.magicFieldOffset", "true");
  }

  /** The order events arrive in. */
  public enum Order {
    /** By time, as logs are: users in random order. */
    TIME,
    /** Shuffled: a user's returns may arrive before their start. */
    SHUFFLED,
    /** Grouped by user: the best case for caches. */
    BY_USER
  }

  /**
   * An accumulator and spec, with the heap and serialized bytes per user its design allows at this
   * scale (arrays that grow by doubling may hold up to twice what they use), and what out-of-order
   * events may add.
   */
  public enum Case {
    /** Order counts per buyer: 12-byte slots at load 1/4..1/2; 12 bytes each serialized. */
    ORDER_SUMMARY(48, 12.1),
    /** 16 bytes per dense id, capacity up to doubled; 28 serialized. */
    RFM(32, 28.1),
    /** One count per tag: nothing per user. */
    TAG_COUNTS(0.1, 0.1),
    /** First-time daily cohorts over 2026, 30 intervals, ON: 12 bytes per id, up to doubled. */
    RETENTION_FIRST_TIME(24, 16.1),
    /** As {@link #RETENTION_FIRST_TIME} with ON_OR_AFTER columns: same state. */
    RETENTION_ON_OR_AFTER(24, 16.1),
    /** As {@link #RETENTION_FIRST_TIME} with brackets 1, 6, 23 (30 intervals): same state. */
    RETENTION_BRACKETS(24, 16.1),
    /** Recurring daily cohorts: 13 words of start and return bitmaps and an int, up to doubled. */
    RETENTION_RECURRING(2 * 108, 112.1),
    /** Rolling windows: 12 bytes per event kept, up to doubled. */
    RETENTION_ROLLING(2 * 12 * EVENTS_PER_USER, 12 * EVENTS_PER_USER + 0.1),
    /** Recurring cohorts in rolling windows: as {@link #RETENTION_ROLLING}. */
    RETENTION_RECURRING_ROLLING(2 * 12 * EVENTS_PER_USER, 12 * EVENTS_PER_USER + 0.1),
    /** 2026-01-30..2026-12-31: 365 days tracked with the look-back, one bit each (goal 48 B). */
    ACTIVE_USERS_365_TRACKED(48, 48),
    /** As {@link #ACTIVE_USERS_365_TRACKED}, fed by the columnar {@code addAll}. */
    ACTIVE_USERS_365_TRACKED_COLUMNS(48, 48),
    /** 2026-01-01..2026-12-31 reported: 394 days tracked with the 29-day look-back. */
    ACTIVE_USERS_365_REPORTED(394 / 8.0 + 1, 394 / 8.0 + 1),
    /** Two longs per dense id, grown by half. */
    REPURCHASE(24, 20.1),
    /** Flags and 455 day bits (lostDays 90): 9 longs per id, up to doubled; 76 serialized. */
    WIN_BACK(144, 76.1),
    /**
     * Monthly LTV cohorts, 12 intervals: 16 bytes per id and 16 per month with revenue (at most 13),
     * arrays grown by half; 20 and 12 serialized.
     */
    LTV_MONTHLY(1.5 * (16 + 16 * 13), 20 + 12 * 13),
    /** Daily LTV cohorts, 30 intervals: as monthly, with the days of the user's first 31. */
    LTV_DAILY(1.5 * (16 + 16 * EVENTS_PER_USER), 20 + 12 * EVENTS_PER_USER),
    /**
     * Acquisition economics over monthly cohorts, 12 intervals, five channels, each user's first
     * event also a sign-up: as {@link #LTV_MONTHLY} plus 12 bytes per id, 16 serialized.
     */
    ACQUISITION_MONTHLY(1.5 * (16 + 12 + 16 * 13), 20 + 16 + 12 * 13),
    /**
     * Calibration to 2026-09-30, holdout to year end, then {@code result()}, which folds the order
     * log: 20 bytes per id and 4 per purchase day (about 12), up to an eighth more; varints of
     * about 2 bytes a day serialized.
     */
    CLV_SUMMARY(20 + 4.5 * EVENTS_PER_USER, 2 * EVENTS_PER_USER),
    /**
     * Paid memberships, monthly cohorts, 12 intervals, each event a 30-day period paid then: 4 bytes
     * per id and 28 per period, arrays grown by half; 8 per member and 24 per period serialized.
     */
    MEMBERSHIP_MONTHLY(1.5 * (4 + 28 * EVENTS_PER_USER), 8 + 24 * EVENTS_PER_USER + 0.1);

    final double heapPerUser;
    final double bytesPerUser;

    Case(double heapPerUser, double bytesPerUser) {
      this.heapPerUser = heapPerUser;
      this.bytesPerUser = bytesPerUser;
    }

    /**
     * First-time calendar cohorts log a return that arrives before its user's start, 8 bytes each
     * (up to doubled on the heap), until {@code result()}: at most the 11 returns of each user.
     */
    double outOfOrderPerUser(Order order, boolean heap) {
      boolean logs = this == RETENTION_FIRST_TIME || this == RETENTION_ON_OR_AFTER || this == RETENTION_BRACKETS;
      return logs && order == Order.SHUFFLED ? (heap ? 16 : 8) * (EVENTS_PER_USER - 1) : 0;
    }
  }

  /** The accumulator measured. */
  @Param
  public Case accumulator;

  /** The order events arrive in; {@code -p order=SHUFFLED,BY_USER} for the others. */
  @Param({"TIME"})
  public Order order;

  private long[] userIds;
  private long[] epochMillis;
  private boolean[] starts;
  private long[] amounts;
  private long[][] tagWords;
  private String[] channels;
  private Feeder feeder;

  /** Fills a fresh accumulator with every event. */
  @FunctionalInterface
  private interface Feeder {
    Accumulator<?, ?> feed();
  }

  /**
   * Generates the events, fills one accumulator, prints and checks its bytes per user.
   *
   * @throws IllegalStateException if the state exceeds the designed bytes per user
   */
  @Setup(Level.Trial)
  public void setUp() {
    generate();
    feeder = feeder(accumulator);
    Accumulator<?, ?> filled = feeder.feed();
    double heap = GraphStats.parseInstance(filled).totalSize() / (double) USERS;
    double serialized = filled.toByteArray().length / (double) USERS;
    System.out.printf(
        "%nSCALE %s order=%s users=%d events=%d heapBytesPerUser=%.2f serializedBytesPerUser=%.2f%n",
        accumulator, order, USERS, EVENTS, heap, serialized);
    double heapBound = accumulator.heapPerUser + accumulator.outOfOrderPerUser(order, true);
    double bytesBound = accumulator.bytesPerUser + accumulator.outOfOrderPerUser(order, false);
    if (heap > heapBound || serialized > bytesBound) {
      throw new IllegalStateException(String.format(
          "%s, %s order: %.2f heap / %.2f serialized bytes per user, designed at most %.2f / %.2f",
          accumulator, order, heap, serialized, heapBound, bytesBound));
    }
  }

  /**
   * Adds every event to a fresh accumulator.
   *
   * @param blackhole keeps the filled accumulator alive
   */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public void add(Blackhole blackhole) {
    blackhole.consume(feeder.feed());
  }

  private void generate() {
    SplittableRandom random = new SplittableRandom(20_261_101L);
    long yearMillis = YEAR.toEpochDay() * DAY_MILLIS;
    // Sortable keys: time (41 bits), user (20 bits), start flag; sorting orders them by time.
    long[] keys = new long[EVENTS];
    long endMillis = yearMillis + DAYS * DAY_MILLIS;
    for (int user = 0, e = 0; user < USERS; user++) {
      long startMillis = yearMillis + random.nextLong(START_DAYS * DAY_MILLIS);
      keys[e++] = startMillis << 21 | (long) user << 1 | 1;
      for (int i = 1; i < EVENTS_PER_USER; i++, e++) {
        keys[e] = random.nextLong(startMillis, endMillis) << 21 | (long) user << 1;
      }
    }
    if (order == Order.SHUFFLED) {
      for (int i = keys.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        long key = keys[i];
        keys[i] = keys[j];
        keys[j] = key;
      }
    } else if (order == Order.TIME) {
      Arrays.parallelSort(keys);
    }
    userIds = new long[EVENTS];
    epochMillis = new long[EVENTS];
    starts = new boolean[EVENTS];
    amounts = new long[EVENTS];
    for (int e = 0; e < EVENTS; e++) {
      userIds[e] = keys[e] >>> 1 & (1 << 20) - 1;
      epochMillis[e] = keys[e] >>> 21;
      starts[e] = (keys[e] & 1) != 0;
      amounts[e] = 100 + random.nextInt(20_000);
    }
    String[] names = {"organic", "search", "social", "referral", "ads"};
    channels = new String[EVENTS];
    for (int e = 0; e < EVENTS; e++) {
      channels[e] = names[(int) (userIds[e] % names.length)];
    }
    tagWords = new long[TAG_POOL][];
    for (int i = 0; i < TAG_POOL; i++) {
      tagWords[i] = new long[] {random.nextLong() & (1L << TAGS) - 1};
    }
  }

  private Feeder feeder(Case c) {
    return switch (c) {
      case ORDER_SUMMARY -> {
        OrderSummarySpec spec = OrderSummarySpec.of(ZoneOffset.UTC);
        yield () -> {
          OrderSummaryAccumulator acc = spec.newAccumulator();
          for (int e = 0; e < EVENTS; e++) {
            acc.add(userIds[e], epochMillis[e], amounts[e], OrderStatus.PAID);
          }
          return acc;
        };
      }
      case RFM -> {
        RfmSpec spec = RfmSpec.of(ZoneOffset.UTC, AS_OF);
        yield () -> {
          RfmAccumulator acc = spec.newAccumulator();
          for (int e = 0; e < EVENTS; e++) {
            acc.add(userIds[e], epochMillis[e], amounts[e]);
          }
          return acc;
        };
      }
      case TAG_COUNTS -> {
        TagCountSpec spec = TagCountSpec.of(catalog());
        yield () -> {
          TagCounter acc = spec.newAccumulator();
          for (int e = 0; e < EVENTS; e++) {
            acc.add(tagWords[e & TAG_POOL - 1]);
          }
          return acc;
        };
      }
      case RETENTION_FIRST_TIME ->
          retention(CohortMode.FIRST_TIME, ReturnMode.ON, List.of(), WindowMode.CALENDAR);
      case RETENTION_ON_OR_AFTER ->
          retention(CohortMode.FIRST_TIME, ReturnMode.ON_OR_AFTER, List.of(), WindowMode.CALENDAR);
      case RETENTION_BRACKETS ->
          retention(CohortMode.FIRST_TIME, ReturnMode.ON, List.of(1, 6, 23), WindowMode.CALENDAR);
      case RETENTION_RECURRING ->
          retention(CohortMode.RECURRING, ReturnMode.ON, List.of(), WindowMode.CALENDAR);
      case RETENTION_ROLLING ->
          retention(CohortMode.FIRST_TIME, ReturnMode.ON, List.of(), WindowMode.ROLLING);
      case RETENTION_RECURRING_ROLLING ->
          retention(CohortMode.RECURRING, ReturnMode.ON, List.of(), WindowMode.ROLLING);
      case ACTIVE_USERS_365_TRACKED -> activeUsers(LocalDate.of(2026, 1, 30));
      case ACTIVE_USERS_365_TRACKED_COLUMNS -> {
        ActiveUsersSpec spec = ActiveUsersSpec.of(ZoneOffset.UTC, LocalDate.of(2026, 1, 30), YEAR.plusDays(DAYS - 1));
        yield () -> spec.newAccumulator().addAll(userIds, epochMillis);
      }
      case ACTIVE_USERS_365_REPORTED -> activeUsers(YEAR);
      case REPURCHASE -> {
        RepurchaseSpec spec = RepurchaseSpec.of(ZoneOffset.UTC, AS_OF);
        yield () -> {
          RepurchaseAccumulator acc = spec.newAccumulator();
          for (int e = 0; e < EVENTS; e++) {
            acc.add(userIds[e], epochMillis[e]);
          }
          return acc;
        };
      }
      case LTV_MONTHLY -> ltv(Granularity.MONTH, 12);
      case LTV_DAILY -> ltv(Granularity.DAY, 30);
      case ACQUISITION_MONTHLY -> {
        AcquisitionSpec spec = AcquisitionSpec.of(LtvSpec.of(ZoneOffset.UTC, AS_OF, Granularity.MONTH, 12));
        yield () -> {
          AcquisitionAccumulator acc = spec.newAccumulator();
          for (int e = 0; e < EVENTS; e++) {
            if (starts[e]) {
              acc.addSignup(userIds[e], epochMillis[e], channels[e]);
            }
            acc.add(userIds[e], epochMillis[e], amounts[e], channels[e]);
          }
          return acc;
        };
      }
      case CLV_SUMMARY -> {
        ClvSummarySpec spec =
            ClvSummarySpec.of(ZoneOffset.UTC, LocalDate.of(2026, 9, 30)).withHoldoutEnd(YEAR.plusDays(DAYS - 1));
        yield () -> {
          ClvSummaryAccumulator acc = spec.newAccumulator();
          for (int e = 0; e < EVENTS; e++) {
            acc.add(userIds[e], epochMillis[e], amounts[e]);
          }
          // Adding only logs orders; the summary is what they are for, so it is timed too.
          acc.result();
          return acc;
        };
      }
      case MEMBERSHIP_MONTHLY -> {
        MembershipSpec spec = MembershipSpec.of(ZoneOffset.UTC, AS_OF, Granularity.MONTH, 12);
        yield () -> {
          MembershipAccumulator acc = spec.newAccumulator();
          for (int e = 0; e < EVENTS; e++) {
            acc.add(userIds[e], epochMillis[e], epochMillis[e], epochMillis[e] + 30 * DAY_MILLIS, amounts[e]);
          }
          return acc;
        };
      }
      case WIN_BACK -> {
        WinBackSpec spec = WinBackSpec.of(ZoneOffset.UTC, YEAR, AS_OF, 30, 90);
        yield () -> {
          WinBackAccumulator acc = spec.newAccumulator();
          for (int e = 0; e < EVENTS; e++) {
            acc.add(userIds[e], epochMillis[e]);
          }
          return acc;
        };
      }
    };
  }

  /** Daily cohorts over 2026, 30 intervals or the brackets; every event returns, firsts start. */
  private Feeder retention(CohortMode cohortMode, ReturnMode returnMode, List<Integer> brackets, WindowMode window) {
    RetentionSpec spec = new RetentionSpec(Granularity.DAY, ZoneOffset.UTC, DayOfWeek.MONDAY,
        brackets.isEmpty() ? 30 : 0, brackets, YEAR, YEAR.plusDays(DAYS - 1), AS_OF, List.of(), List.of(),
        cohortMode, returnMode, window, BadRecordPolicy.REJECT);
    return () -> {
      RetentionAccumulator acc = spec.newAccumulator();
      for (int e = 0; e < EVENTS; e++) {
        acc.add(userIds[e], epochMillis[e], starts[e], !starts[e]);
      }
      return acc;
    };
  }

  /** Every event a valid order of its user, with the user's channel as the attribute. */
  private Feeder ltv(Granularity granularity, int intervals) {
    LtvSpec spec = LtvSpec.of(ZoneOffset.UTC, AS_OF, granularity, intervals);
    return () -> {
      LtvAccumulator acc = spec.newAccumulator();
      for (int e = 0; e < EVENTS; e++) {
        acc.add(userIds[e], epochMillis[e], amounts[e], channels[e]);
      }
      return acc;
    };
  }

  private Feeder activeUsers(LocalDate from) {
    ActiveUsersSpec spec = ActiveUsersSpec.of(ZoneOffset.UTC, from, YEAR.plusDays(DAYS - 1));
    return () -> {
      ActiveUsersAccumulator acc = spec.newAccumulator();
      for (int e = 0; e < EVENTS; e++) {
        acc.add(userIds[e], epochMillis[e]);
      }
      return acc;
    };
  }

  private static TagCatalog catalog() {
    List<TagRule> rules = new ArrayList<>();
    for (int t = 0; t < TAGS; t++) {
      rules.add(new TagRule("tag" + t, null, JsonNodeFactory.instance.objectNode().put("segment", t)));
    }
    return TagCatalog.of(rules);
  }
}
