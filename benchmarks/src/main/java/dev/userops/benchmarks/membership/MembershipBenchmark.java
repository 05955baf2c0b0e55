package dev.userops.benchmarks.membership;

import static dev.userops.benchmarks.SetupChecks.check;

import dev.userops.incentives.OutcomeStatus;
import dev.userops.incentives.membership.MembershipEvent;
import dev.userops.incentives.membership.MembershipOutcome;
import dev.userops.incentives.membership.MembershipPolicy;
import dev.userops.incentives.membership.MembershipProgram;
import dev.userops.incentives.membership.MembershipState;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
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
 * {@link MembershipPolicy#apply} on a member with a year of monthly renewals (12 periods, 12
 * remembered events) in Asia/Shanghai: an automatic renewal (the common event), a pro-rata refund of
 * the running period, and a new user's first purchase; against the straightforward version a
 * backend developer would write for the renewal (a stream for the duplicate check, {@code
 * ZonedDateTime.plusMonths} from the anchor, the period list rebuilt with a stream). {@link
 * #setUp()} checks that both renewal paths give the same period end for every input. Every
 * operation starts from the same state, as a host that loads the state for each event does.
 *
 * <p>Run (from the project root, after {@code mvn -pl benchmarks -am -DskipTests package}):
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar MembershipBenchmark -prof gc -f 1 -wi 3 -w 1s -i 5 -r 1s
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MembershipBenchmark {
  private static final int SIZE = 1024;
  private static final int MASK = SIZE - 1;
  private static final long HOUR = 3_600_000L;
  private static final String PROGRAM = """
      {"version": 1, "longerIsCheaper": true, "graceDays": 7, "memoryDays": 400,
       "refunds": {"fullWithinDays": 7, "thereafter": "PRO_RATA"},
       "plans": [
         {"id": "monthly", "period": "P1M", "priceMinor": 1500, "benefits": ["free-shipping", "points-x2"],
          "trialPriceMinor": 100, "autoRenew": true},
         {"id": "quarterly", "period": "P3M", "priceMinor": 3900, "benefits": ["free-shipping"], "autoRenew": true},
         {"id": "annual", "period": "P1Y", "priceMinor": 14800, "benefits": ["free-shipping"], "autoRenew": true}]}
      """;

  /** The members' zone. */
  @Param("Asia/Shanghai")
  public String zone;

  private MembershipPolicy policy;
  private ZoneId zoneId;
  private MembershipState state;
  private final MembershipEvent.Renewal[] renewals = new MembershipEvent.Renewal[SIZE];
  private final MembershipEvent.Refund[] refunds = new MembershipEvent.Refund[SIZE];
  private final MembershipEvent.Purchase[] purchases = new MembershipEvent.Purchase[SIZE];
  private int next;

  @Setup
  public void setUp() {
    policy = MembershipProgram.fromJson(PROGRAM).policy();
    zoneId = ZoneId.of(zone);
    Instant start = ZonedDateTime.of(2025, 1, 31, 20, 0, 0, 0, zoneId).toInstant();
    MembershipState built = policy.apply(policy.newState(),
        new MembershipEvent.Purchase("e0", start, zoneId, "monthly", "p0")).state();
    for (int i = 1; i < 12; i++) {
      Instant at = Instant.ofEpochMilli(built.endMillis() - 2 * HOUR);
      built = policy.apply(built, new MembershipEvent.Renewal("e" + i, at, "p" + i, true)).state();
    }
    state = built;
    long end = state.endMillis();
    for (int i = 0; i < SIZE; i++) {
      Instant at = Instant.ofEpochMilli(end - 48 * HOUR + i * 60_000L);
      renewals[i] = new MembershipEvent.Renewal("r" + i, at, "pay-r" + i, true);
      refunds[i] = new MembershipEvent.Refund("f" + i, Instant.ofEpochMilli(end - 20 * 24 * HOUR + i * 60_000L), "p11");
      purchases[i] = new MembershipEvent.Purchase("n" + i, at, zoneId, "quarterly", "pay-n" + i);
    }
    check(state.periods().size() == 12, "periods: expected 12, got %s", state.periods().size());
    for (int i = 0; i < SIZE; i++) {
      MembershipOutcome outcome = policy.apply(state, renewals[i]);
      check(outcome.status() == OutcomeStatus.APPLIED, "renewal %s: %s", i, outcome.reason());
      check(outcome.state().endMillis() == naiveRenewalEnd(state, renewals[i]), "renewal %s: ends differ", i);
      check(policy.apply(state, refunds[i]).status() == OutcomeStatus.APPLIED, "refund %s not applied", i);
      check(policy.apply(policy.newState(), purchases[i]).status() == OutcomeStatus.APPLIED, "purchase %s", i);
    }
    System.out.printf("%nstate with 12 periods: %d bytes of JSON%n", state.toJson().length());
  }

  /** The straightforward renewal: stream checks, java.time from the anchor, the list rebuilt by a stream. */
  private long naiveRenewalEnd(MembershipState s, MembershipEvent.Renewal renewal) {
    if (s.seen().stream().anyMatch(seen -> seen.eventId().equals(renewal.eventId()))
        || s.periods().stream().anyMatch(p -> p.paymentId().equals(renewal.paymentId()))) {
      return s.endMillis();
    }
    ZonedDateTime anchor = Instant.ofEpochMilli(s.anchorMillis()).atZone(s.zone());
    long start = anchor.plusMonths(s.chainMonths()).toInstant().toEpochMilli();
    long end = anchor.plusMonths(s.chainMonths() + 1L).toInstant().toEpochMilli();
    MembershipState.Period period = new MembershipState.Period(renewal.paymentId(), "monthly",
        renewal.occurredAt().toEpochMilli(), 1500, start, end, s.chainMonths(), 1, 0, MembershipState.Settlement.PAID);
    List<MembershipState.Period> periods = Stream.concat(s.periods().stream(), Stream.of(period)).toList();
    return periods.stream().mapToLong(MembershipState.Period::endMillis).max().orElseThrow();
  }

  @Benchmark
  public MembershipOutcome renewal() {
    return policy.apply(state, renewals[next++ & MASK]);
  }

  @Benchmark
  public long naiveRenewal() {
    return naiveRenewalEnd(state, renewals[next++ & MASK]);
  }

  @Benchmark
  public MembershipOutcome refund() {
    return policy.apply(state, refunds[next++ & MASK]);
  }

  @Benchmark
  public MembershipOutcome firstPurchase() {
    return policy.apply(policy.newState(), purchases[next++ & MASK]);
  }

  @Benchmark
  public boolean isActive() {
    return policy.isActive(state, renewals[next++ & MASK].occurredAt());
  }
}
