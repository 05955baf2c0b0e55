package dev.userops.retention.repurchase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userops.core.ConfigException;
import dev.userops.core.Granularity;
import dev.userops.retention.repurchase.RepurchaseResult.Cohort;
import dev.userops.retention.repurchase.RepurchaseResult.CurvePoint;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The repurchase curve: the N-day figure at several N from one pass. */
class RepurchaseCurveTest {
  private static final ZoneId UTC = ZoneId.of("UTC");
  private static final Instant AS_OF = Instant.parse("2026-03-01T00:00:00Z");
  private static final long DAY = 86_400_000L;

  private static long at(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  private static RepurchaseAccumulator handWorked(RepurchaseSpec spec) {
    return spec.newAccumulator()
        .add(1, at("2026-01-05T10:00:00Z"))
        .add(1, at("2026-01-10T10:00:00Z")) // +5
        .add(2, at("2026-01-10T10:00:00Z"))
        .add(2, at("2026-01-25T10:00:00Z")) // +15
        .add(3, at("2026-01-20T10:00:00Z")) // never again
        .add(4, at("2026-01-20T10:00:00Z"))
        .add(4, at("2026-02-28T10:00:00Z")) // +39
        .add(7, at("2026-01-31T10:00:00Z"))
        .add(7, at("2026-01-31T20:00:00Z")) // same day
        .add(5, at("2026-02-10T10:00:00Z"))
        .add(5, at("2026-02-12T10:00:00Z")) // +2
        .add(6, at("2026-02-25T10:00:00Z"))
        .add(6, at("2026-02-26T10:00:00Z")); // +1
  }

  @Test
  void handWorkedCurve() {
    // The last complete day at asOf is 02-28, so a first buyer of day f is mature for d when
    // f + d <= 02-28. January: users 1 (01-05), 2 (01-10), 3 and 4 (01-20), 7 (01-31).
    //   d = 7:  all five mature; only user 1 (+5) repurchased (user 7's second order is same-day).
    //   d = 30: 01-31 + 30 = 03-02 is not complete, so user 7 drops out; users 1 and 2 repurchased,
    //           user 4's +39 is too late.
    //   d = 45: only users 1 and 2 (f <= 01-14) are mature; user 4 repurchased within 45 days but
    //           is not mature for 45 and is not counted.
    // February: user 5 (02-10, +2) is mature for 7 only; user 6 (02-25) for none.
    RepurchaseSpec spec = RepurchaseSpec.of(UTC, AS_OF).withCurveDays(List.of(7, 30, 45));
    RepurchaseResult result = handWorked(spec).result();

    LocalDate january = LocalDate.of(2026, 1, 1);
    LocalDate february = LocalDate.of(2026, 2, 1);
    assertThat(result.curve())
        .containsExactly(
            new CurvePoint(january, 7, 5, 1),
            new CurvePoint(january, 30, 4, 2),
            new CurvePoint(january, 45, 2, 2),
            new CurvePoint(february, 7, 1, 1),
            new CurvePoint(february, 30, 0, 0),
            new CurvePoint(february, 45, 0, 0));
    assertThat(result.cohorts())
        .containsExactly(new Cohort(january, 5, 4, 2), new Cohort(february, 2, 0, 0));
    assertThat(result.curve().get(0).rate()).isEqualTo(OptionalDouble.of(0.2));
    assertThat(result.curve().get(2).rate()).isEqualTo(OptionalDouble.of(1.0));
    assertThat(result.curve().get(4).rate()).isEmpty();

    // With same-day orders counting, user 7 repurchased at day 0.
    assertThat(handWorked(spec.withSameDay(true)).result().curve().get(0))
        .isEqualTo(new CurvePoint(january, 7, 5, 2));
  }

  @Test
  void emptyInputAndNoCheckpointsGiveNoCurve() {
    assertThat(RepurchaseSpec.of(UTC, AS_OF).newAccumulator().result().curve()).isEmpty();

    RepurchaseResult noCurve = handWorked(RepurchaseSpec.of(UTC, AS_OF).withCurveDays(List.of()))
        .result();
    assertThat(noCurve.curve()).isEmpty();
    assertThat(noCurve.cohorts()).hasSize(2);
  }

  @Test
  void theDefaultCheckpointsGiveOnePointPerCohortAndCheckpoint() {
    RepurchaseResult result = handWorked(RepurchaseSpec.of(UTC, AS_OF)).result();

    assertThat(result.curve()).hasSize(2 * RepurchaseSpec.DEFAULT_CURVE_DAYS.size());
    assertThat(result.curve().subList(0, 7))
        .extracting(CurvePoint::days)
        .containsExactlyElementsOf(RepurchaseSpec.DEFAULT_CURVE_DAYS);
    // The point at 30 days is the N-day figure of the default 30-day window.
    assertThat(result.curve().get(2)).isEqualTo(new CurvePoint(LocalDate.of(2026, 1, 1), 30, 4, 2));
  }

  @Test
  void curvePointsCheckTheirCounts() {
    LocalDate start = LocalDate.of(2026, 1, 1);
    assertThatThrownBy(() -> new CurvePoint(start, 30, 2, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cohort 2026-01-01 at 30 days")
        .hasMessageContaining("got 3, 2");
    assertThatThrownBy(() -> new CurvePoint(start, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("days must be > 0, got 0");
    assertThatThrownBy(() -> new CurvePoint(null, 7, 0, 0))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("cohortStart");
  }

  @Test
  void curveDaysAreOptionalInJsonAndLeftOutWhenDefault() {
    String before =
        "{\"zone\":\"UTC\",\"asOf\":\"2026-03-01T00:00:00Z\",\"windowDays\":30,"
            + "\"cohort\":\"MONTH\",\"sameDay\":false,\"nextPeriod\":\"MONTH\","
            + "\"weekStart\":\"MONDAY\",\"refunds\":\"NET\",\"badRecords\":\"REJECT\"}";
    RepurchaseSpec spec = RepurchaseSpec.of(UTC, AS_OF);

    // A spec written before the curve (and the version) existed reads as the default and is
    // written back with only the version added, which keeps the spec inside existing accumulator
    // bytes readable.
    assertThat(RepurchaseSpec.fromJson(before)).isEqualTo(spec);
    assertThat(spec.curveDays()).isEqualTo(RepurchaseSpec.DEFAULT_CURVE_DAYS);
    assertThat(spec.toJson()).isEqualTo("{\"version\":1," + before.substring(1));
    assertThat(RepurchaseSpec.fromJson(before.replace("}", ",\"curveDays\":null}")))
        .isEqualTo(spec);

    RepurchaseSpec none = spec.withCurveDays(List.of());
    assertThat(none.toJson()).contains("\"curveDays\":[]");
    assertThat(RepurchaseSpec.fromJson(none.toJson())).isEqualTo(none);
    RepurchaseSpec some = spec.withCurveDays(List.of(1, 7, 3650));
    assertThat(some.toJson()).endsWith(",\"curveDays\":[1,7,3650]}");
    assertThat(RepurchaseSpec.fromJson(some.toJson())).isEqualTo(some);
    assertThat(spec.withCurveDays(List.of(7)).withCurveDays(null)).isEqualTo(spec);
  }

  @Test
  void badCurveDaysAreRejectedWithTheirIndex() {
    String json =
        "{\"zone\":\"UTC\",\"asOf\":\"2026-03-01T00:00:00Z\",\"windowDays\":30,\"sameDay\":false,";
    assertThatThrownBy(() -> RepurchaseSpec.fromJson(json + "\"curveDays\":[7,14,0]}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("curveDays[2] must be in [1, 3650], got 0");
    assertThatThrownBy(() -> RepurchaseSpec.fromJson(json + "\"curveDays\":[7,3651]}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("curveDays[1] must be in [1, 3650], got 3651");
    assertThatThrownBy(() -> RepurchaseSpec.fromJson(json + "\"curveDays\":[7,30,30]}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("curveDays[2] must be greater than curveDays[1]")
        .hasMessageContaining("got 30 after 30");
    assertThatThrownBy(() -> RepurchaseSpec.fromJson(json + "\"curveDays\":[7,null]}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("curveDays[1] must not be null");
    assertThatThrownBy(() -> RepurchaseSpec.fromJson(json + "\"curveDays\":[7,\"14\"]}"))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(((ConfigException) e).path()).isEqualTo("curveDays[1]"));
    assertThatThrownBy(() -> RepurchaseSpec.fromJson(json + "\"curveDays\":7}"))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(((ConfigException) e).path()).isEqualTo("curveDays"));

    List<Integer> tooMany = IntStream.rangeClosed(1, 33).boxed().toList();
    assertThatThrownBy(() -> RepurchaseSpec.of(UTC, AS_OF).withCurveDays(tooMany))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("curveDays must have at most 32 checkpoints, got 33");
    assertThat(RepurchaseSpec.of(UTC, AS_OF).withCurveDays(tooMany.subList(0, 32)).curveDays())
        .hasSize(32);

    List<Integer> mutable = new ArrayList<>(List.of(7, 30));
    RepurchaseSpec spec = RepurchaseSpec.of(UTC, AS_OF).withCurveDays(mutable);
    mutable.set(0, 60);
    assertThat(spec.curveDays()).containsExactly(7, 30);
  }

  /** Orders of a few users in the 400 days to asOf, in bursts: gaps near checkpoints are common. */
  private static List<long[]> randomOrders(Random random, int count, long asOfMillis) {
    long from = asOfMillis - 400 * DAY;
    List<long[]> orders = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int user = random.nextInt(40);
      long base = from + Math.floorMod(user * 7_919L * DAY / 3, 380 * DAY);
      long millis = Math.min(asOfMillis, base + (long) (random.nextDouble() * 120 * DAY));
      orders.add(new long[] {user, millis});
    }
    return orders;
  }

  private static RepurchaseSpec randomSpec(Random random, Instant asOf, boolean sameDay) {
    int window = 1 + random.nextInt(120);
    TreeSet<Integer> days = new TreeSet<>();
    days.add(window);
    for (int i = random.nextInt(8); i > 0; i--) {
      days.add(1 + random.nextInt(200));
    }
    ZoneId zone = random.nextBoolean() ? ZoneId.of("America/New_York") : ZoneId.of("Asia/Kolkata");
    return new RepurchaseSpec(
        zone,
        asOf,
        window,
        Granularity.values()[random.nextInt(3)],
        sameDay,
        null,
        random.nextBoolean() ? DayOfWeek.MONDAY : DayOfWeek.SUNDAY,
        null,
        null,
        List.copyOf(days));
  }

  private static RepurchaseResult run(RepurchaseSpec spec, List<long[]> orders) {
    RepurchaseAccumulator acc = spec.newAccumulator();
    orders.forEach(o -> acc.add(o[0], o[1]));
    return acc.result();
  }

  /** A random spec and up to 300 random orders before its as-of instant, drawn from one seed. */
  record RandomCase(List<long[]> orders, RepurchaseSpec spec) {
    static RandomCase of(int count, boolean sameDay, long seed) {
      Random random = new Random(seed);
      Instant asOf = Instant.parse("2025-06-15T13:30:00Z").plusSeconds(random.nextInt(86_400 * 30));
      List<long[]> orders = randomOrders(random, count, asOf.toEpochMilli());
      return new RandomCase(orders, randomSpec(random, asOf, sameDay));
    }
  }

  @Provide
  Arbitrary<RandomCase> randomCases() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 300), Arbitraries.of(false, true), Arbitraries.longs())
        .as(RandomCase::of);
  }

  @Property(tries = 80)
  void eachPointIsTheNDayFigureOfItsCheckpoint(@ForAll("randomCases") RandomCase drawn) {
    RepurchaseSpec spec = drawn.spec();
    List<long[]> orders = drawn.orders();
    RepurchaseResult result = run(spec, orders);

    assertThat(result.curve()).hasSize(result.cohorts().size() * spec.curveDays().size());
    List<CurvePoint> atWindow = new ArrayList<>();
    for (int d : spec.curveDays()) {
      List<CurvePoint> atD = new ArrayList<>();
      for (Cohort c : run(spec.withWindowDays(d), orders).cohorts()) {
        atD.add(new CurvePoint(c.start(), d, c.mature(), c.repurchasers()));
      }
      assertThat(result.curve()).filteredOn(p -> p.days() == d).containsExactlyElementsOf(atD);
      if (d == spec.windowDays()) {
        atWindow = atD;
      }
    }
    // The point at windowDays is the result's own N-day cohort figure.
    List<CurvePoint> fromCohorts = new ArrayList<>();
    for (Cohort c : result.cohorts()) {
      fromCohorts.add(new CurvePoint(c.start(), spec.windowDays(), c.mature(), c.repurchasers()));
    }
    assertThat(atWindow).isEqualTo(fromCohorts);
  }

  @Property(tries = 80)
  void matureAndNonRepurchasersFallAsCheckpointsGrow(@ForAll("randomCases") RandomCase drawn) {
    RepurchaseSpec spec = drawn.spec();
    List<long[]> orders = drawn.orders();
    int checkpoints = spec.curveDays().size();

    List<CurvePoint> curve = run(spec, orders).curve();
    for (int i = 0; i < curve.size(); i++) {
      CurvePoint point = curve.get(i);
      if (i % checkpoints > 0) {
        CurvePoint before = curve.get(i - 1);
        assertThat(point.cohortStart()).isEqualTo(before.cohortStart());
        assertThat(point.days()).isGreaterThan(before.days());
        // Mature for d implies mature for every smaller d; not repurchased within d implies not
        // within any smaller d.
        assertThat(point.mature()).isLessThanOrEqualTo(before.mature());
        assertThat(point.mature() - point.repurchasers())
            .isLessThanOrEqualTo(before.mature() - before.repurchasers());
      }
    }

    // Once every first buyer is mature for every checkpoint, repurchasers can only grow.
    RepurchaseSpec late =
        new RepurchaseSpec(
            spec.zone(),
            spec.asOf().plusMillis(202 * DAY), // checkpoints are at most 200 days
            spec.windowDays(),
            spec.cohort(),
            spec.sameDay(),
            spec.nextPeriod(),
            spec.weekStart(),
            spec.refunds(),
            spec.badRecords(),
            spec.curveDays());
    RepurchaseResult matured = run(late, orders);
    List<CurvePoint> matureCurve = matured.curve();
    for (int i = 0; i < matureCurve.size(); i++) {
      Cohort cohort = matured.cohorts().get(i / checkpoints);
      assertThat(matureCurve.get(i).mature()).isEqualTo(cohort.firstBuyers());
      if (i % checkpoints > 0) {
        assertThat(matureCurve.get(i).repurchasers())
            .isGreaterThanOrEqualTo(matureCurve.get(i - 1).repurchasers());
      }
    }
  }

  @Test
  void bytesCarryTheCheckpointsInTheirSpec() {
    RepurchaseSpec spec = RepurchaseSpec.of(UTC, AS_OF);
    RepurchaseSpec other = spec.withCurveDays(List.of(3, 45));
    byte[] bytes = handWorked(other).toByteArray();
    RepurchaseResult fromBytes = other.accumulatorFromBytes(bytes).result();

    assertThat(fromBytes).isEqualTo(handWorked(other).result());
    assertThat(fromBytes.cohorts()).isEqualTo(handWorked(spec).result().cohorts());
    // Bytes of one curve do not read as another, as accumulators of the two do not merge.
    assertThatThrownBy(() -> spec.accumulatorFromBytes(bytes))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("RPUR: expected spec")
        .hasMessageContaining("\"curveDays\":[3,45]");
  }
}
