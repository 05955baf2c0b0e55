package dev.userops.benchmarks.referral;

import dev.userops.core.Granularity;
import dev.userops.incentives.Cap;
import dev.userops.incentives.Evaluation;
import dev.userops.incentives.referral.ReferralEffect;
import dev.userops.incentives.referral.ReferralEvent;
import dev.userops.incentives.referral.ReferralOutcome;
import dev.userops.incentives.referral.ReferralPolicy;
import dev.userops.incentives.referral.ReferralProgram.Reward;
import dev.userops.incentives.referral.ReferralProgram;
import dev.userops.incentives.referral.ReferralState.Member;
import dev.userops.incentives.referral.ReferralState.Status;
import dev.userops.incentives.referral.ReferralState;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The referral policy as a host runs it, one event on the two rows it loads (inviter and invitee):
 * a qualifying first order entering review ({@link #payment}), and the evaluation that grants it
 * once due, checking a monthly and a rolling cap over an inviter with 20 recent rewards ({@link
 * #grant}); also the host's cost of storing an invitee's row as JSON ({@link #rowJsonRoundTrip}).
 * Every operation starts from the same rows, as a host that loads them for each event does.
 * {@link #setUp()} checks that each event does what it is measured for, and prints the rows' sizes.
 *
 * <p>Run (from the project root, after {@code mvn -pl benchmarks -am -DskipTests package}):
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar ReferralBenchmark -prof gc -bm avgt -tu us -f 1 -wi 3 -w 1s -i 5 -r 1s
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ReferralBenchmark {
  private static final int SIZE = 1024;
  private static final int MASK = SIZE - 1;
  private static final long INVITER = 1;
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private ReferralPolicy policy;
  private final ReferralState[] attributed = new ReferralState[SIZE];
  private final ReferralEvent[] payments = new ReferralEvent[SIZE];
  private final ReferralState[] inReview = new ReferralState[SIZE];
  private final ReferralEvent[] evaluations = new ReferralEvent[SIZE];
  private final String[] rows = new String[SIZE];
  private int next;

  @Setup
  public void setUp() {
    ReferralProgram program = ReferralProgram.of("bench", ZoneId.of("Asia/Shanghai"), Reward.points(500),
            Reward.coupon("WELCOME10")).withQualifying(5_000, null).withReviewDays(7)
        .withInviterLimits(List.of(Cap.calendar(100, Granularity.MONTH), Cap.rolling(50, Duration.ofDays(7))),
            1_000L);
    policy = program.policy();
    ReferralState inviter = apply(policy.newState(),
        new ReferralEvent.Invite(INVITER, "CODE-1", START, List.of("device:1", "card:1")));
    // 20 invitees rewarded over the 20 days before the measured ones: the inviter's recent rewards.
    for (int i = 0; i < 20; i++) {
      long invitee = 10_000 + i;
      Instant at = START.plusSeconds(86_400L * i);
      ReferralState slice = apply(inviter, new ReferralEvent.Attribution(invitee, "CODE-1", at, List.of()));
      slice = apply(slice, ReferralEvent.Payment.first(invitee, "warm-" + i, at, 9_900));
      slice = apply(slice, new Evaluation(policy.reviewEnd(at)));
      inviter = ReferralState.of(List.of(slice.member(INVITER)));
    }
    Member inviterRow = inviter.member(INVITER);
    Instant base = START.plusSeconds(86_400L * 21);
    for (int i = 0; i < SIZE; i++) {
      long invitee = 100 + i;
      Instant at = base.plusSeconds(60L * i);
      ReferralState slice = ReferralState.of(List.of(inviterRow));
      attributed[i] = apply(slice, new ReferralEvent.Attribution(invitee, "CODE-1", at, List.of("device:" + invitee)));
      payments[i] = new ReferralEvent.Payment(invitee, "order-" + i, at.plusSeconds(30), 9_900, true, null,
          List.of("card:" + invitee));
      inReview[i] = apply(attributed[i], payments[i]);
      evaluations[i] = new Evaluation(policy.reviewEnd(at.plusSeconds(30)));
      rows[i] = inReview[i].member(invitee).toJson();
      if (inReview[i].member(invitee).referral().status() != Status.IN_REVIEW) {
        throw new IllegalStateException("payment " + i + " did not enter review");
      }
      ReferralOutcome granted = policy.apply(inReview[i], evaluations[i]);
      if (granted.effects().size() != 2 || granted.effects().get(0).action() != ReferralEffect.Action.GRANT) {
        throw new IllegalStateException("evaluation " + i + " did not grant both parts: " + granted.effects());
      }
    }
    System.out.printf("%nrows: invitee %d JSON bytes, inviter (20 recent rewards) %d JSON bytes%n",
        rows[0].length(), inviterRow.toJson().length());
  }

  private ReferralState apply(ReferralState state, ReferralEvent event) {
    ReferralOutcome outcome = policy.apply(state, event);
    if (!outcome.applied()) {
      throw new IllegalStateException(event + ": " + outcome.status() + " " + outcome.detail());
    }
    return outcome.state();
  }

  /** A qualifying first order of an attributed invitee: checks and enters review. */
  @Benchmark
  public ReferralOutcome payment() {
    int i = next++ & MASK;
    return policy.apply(attributed[i], payments[i]);
  }

  /** The evaluation at the due instant: caps checked, both parts granted, the inviter's row updated. */
  @Benchmark
  public ReferralOutcome grant() {
    int i = next++ & MASK;
    return policy.apply(inReview[i], evaluations[i]);
  }

  /** An invitee's row read from and written back to JSON: the host's per-event storage cost. */
  @Benchmark
  public String rowJsonRoundTrip() {
    return Member.fromJson(rows[next++ & MASK]).toJson();
  }
}
