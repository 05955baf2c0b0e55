package dev.userops.benchmarks.points;

import dev.userops.incentives.OrderPaid;
import dev.userops.incentives.points.PointsOutcome;
import dev.userops.incentives.points.PointsPolicy;
import dev.userops.incentives.points.PointsProgram;
import dev.userops.incentives.points.PointsState.Lot;
import dev.userops.incentives.points.PointsState;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One earn event (a paid order, 1 point per unit, rolling 365-day expiry) applied to a user with 50
 * open lots and 50 remembered orders: {@link PointsPolicy#apply} against the Java-streams version a
 * backend developer would write (duplicate check with {@code anyMatch}, {@code BigDecimal} points,
 * lots re-sorted with a stream). Also the state's JSON and binary round trips, the host's per-event
 * cost of storing the state in either form. {@link #setUp()} checks that both earn paths give the
 * same lots and balance for every input, and prints the state's JSON and binary sizes. Every
 * operation starts from the same state, as a host that loads the state for each event does, so
 * nothing one event added is there for the next.
 *
 * <p>Run (from the project root, after {@code mvn -pl benchmarks -am -DskipTests package}):
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar PointsApplyBenchmark -prof gc -bm avgt -tu us -f 1 -wi 3 -w 1s -i 5 -r 1s
 * java -jar benchmarks/target/benchmarks.jar 'PointsApplyBenchmark.apply$' -p lots=5,50,300 -prof gc -bm avgt -tu us -f 1 -wi 3 -w 1s -i 5 -r 1s
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PointsApplyBenchmark {
  private static final int SIZE = 1024;
  private static final int MASK = SIZE - 1;
  private static final long DAY = 86_400_000L;
  private static final long START = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

  /**
   * Open lots of the user, one per order, a day apart; at most 364 (the first would expire). The
   * orders of the last 90 days ({@code memoryDays}) are remembered. Issue 11's bar is at 50.
   */
  @Param("50")
  public int lots;

  private PointsPolicy policy;
  private PointsState state;
  private String stateJson;
  private byte[] stateBytes;
  private final OrderPaid[] orders = new OrderPaid[SIZE];
  private int next;

  @Setup
  public void setUp() {
    PointsProgram program = PointsProgram.of(90, List.of(PointsProgram.OrderRule.of("base", 1, 100)), List.of())
        .withExpiry(PointsProgram.Expiry.rollingDays(365));
    policy = program.policy(ZoneId.of("Asia/Shanghai"));
    PointsState built = policy.newState();
    for (int i = 0; i < lots; i++) {
      built = policy.apply(built, OrderPaid.of("order-" + i, Instant.ofEpochMilli(START + i * DAY), 10_00 + i * 37, null)).state();
    }
    state = built;
    stateJson = state.toJson();
    stateBytes = state.toBytes();
    for (int i = 0; i < SIZE; i++) {
      orders[i] = OrderPaid.of("new-order-" + i, Instant.ofEpochMilli(START + lots * DAY + i * 60_000L), 5_00 + i * 13, null);
    }
    check(state.lots().size() == lots, "lots: expected %s, got %s", lots, state.lots().size());
    check(PointsState.fromJson(stateJson).equals(state), "state JSON round trip changed the state");
    check(PointsState.fromBytes(stateBytes).equals(state), "state bytes round trip changed the state");
    for (OrderPaid order : orders) {
      PointsOutcome outcome = policy.apply(state, order);
      List<Lot> naive = naiveEarn(state.lots(), order);
      check(outcome.state().lots().equals(naive), "lots differ for %s", order.orderId());
      check(outcome.state().available() == naive.stream().mapToLong(Lot::points).sum(), "balance differs for %s", order.orderId());
    }
    System.out.printf("%nstate with %d lots: %d bytes of JSON (UTF-8), %d bytes binary%n", lots,
        stateJson.getBytes(StandardCharsets.UTF_8).length, stateBytes.length);
  }

  private static void check(boolean condition, String template, Object... args) {
    if (!condition) {
      throw new IllegalStateException(String.format(template, args));
    }
  }

  /** The straightforward version: stream checks, BigDecimal arithmetic, a stream re-sort. */
  private List<Lot> naiveEarn(List<Lot> lots, OrderPaid order) {
    String key = "order:" + order.orderId() + "/base";
    if (lots.stream().anyMatch(lot -> lot.key().equals(key))) {
      return lots;
    }
    long points = BigDecimal.valueOf(order.totalMinor()).divide(BigDecimal.valueOf(100), 0, RoundingMode.DOWN).longValue();
    long at = order.atMillis();
    Lot lot = new Lot(key, order.orderId(), at, at, at + 365 * DAY, points);
    return Stream.concat(lots.stream(), Stream.of(lot))
        .sorted(Comparator.comparingLong(Lot::expiresAtMillis).thenComparingLong(Lot::earnedAtMillis).thenComparing(Lot::key))
        .toList();
  }

  @Benchmark
  public PointsOutcome apply() {
    return policy.apply(state, orders[next++ & MASK]);
  }

  @Benchmark
  public List<Lot> naiveStreams() {
    return naiveEarn(state.lots(), orders[next++ & MASK]);
  }

  @Benchmark
  public PointsState stateJsonRoundTrip() {
    return PointsState.fromJson(state.toJson());
  }

  @Benchmark
  public PointsState stateBytesRoundTrip() {
    return PointsState.fromBytes(state.toBytes());
  }

  @Benchmark
  public byte[] stateToBytes() {
    return state.toBytes();
  }

  @Benchmark
  public PointsState stateFromBytes() {
    return PointsState.fromBytes(stateBytes);
  }
}
