package dev.userops.benchmarks.push;

import static dev.userops.benchmarks.SetupChecks.check;

import dev.userops.incentives.push.Decision.Reason;
import dev.userops.incentives.push.Decision.Verdict;
import dev.userops.incentives.push.Decision;
import dev.userops.incentives.push.Message;
import dev.userops.incentives.push.PushOutcome;
import dev.userops.incentives.push.PushPolicy;
import dev.userops.incentives.push.PushProgram;
import dev.userops.incentives.push.PushRequest;
import dev.userops.incentives.push.PushState;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One push decision for a policy with consent, quiet hours 22:00–08:00 in the user's zone and three
 * caps — push at most 3 per local calendar day, push at most 1 in any 4 hours, all channels at most
 * 1 in any hour — over users with two days of send history:
 *
 * <ul>
 *   <li>{@code policy}: {@link PushPolicy#decide(PushState, PushRequest)}, the allocation-free
 *       packed path, with one reused {@link PushRequest};
 *   <li>{@code policyReadBack}: the same on states read back with {@link PushState#fromBytes}, as a
 *       host that loads each user's state from its store passes them (equal channel lists, not the
 *       policy's own list instance);
 *   <li>{@code naive}: what a backend would write: per user a list of (channel, instant) sends,
 *       scanned per decision, with {@code java.time} for local days and quiet hours;
 *   <li>{@code bucket4j}: the naive code with its two rolling caps replaced by Bucket4j buckets
 *       (capacity 1, greedy refill of 1 per window: for a limit of 1 this is exactly "at most 1 in any
 *       window"; for a limit above 1 a token bucket is not, which is why the library keeps a sliding
 *       log). The calendar cap stays a list scan: Bucket4j has no local-calendar windows.
 * </ul>
 *
 * <p>{@link #setUp()} builds every user's history by replaying a seeded message stream through
 * {@link PushPolicy#apply(PushState, Message, Instant)}, feeds the same sends to the other two, and checks that all three return the same
 * decision (outcome, reason, deciding rule, until and next-allowed instant) for every input.
 *
 * <p>Run (from the project root, after {@code mvn -pl benchmarks -am -DskipTests package}):
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar PushPolicyBenchmark -prof gc -f 1 -wi 2 -w 2s -i 3 -r 2s
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PushPolicyBenchmark {
  private static final int USERS = 1024;
  /** Power of two: inputs are indexed with {@code & MASK}. */
  private static final int SIZE = 4096;
  private static final int MASK = SIZE - 1;
  private static final List<ZoneId> ZONES =
      List.of(ZoneId.of("Asia/Shanghai"), ZoneId.of("America/New_York"), ZoneId.of("Europe/Berlin"));
  private static final String[] CHANNELS = {"push", "email"};
  private static final LocalTime QUIET_START = LocalTime.of(22, 0);
  private static final LocalTime QUIET_END = LocalTime.of(8, 0);
  private static final Duration PUSH_WINDOW = Duration.ofHours(4);
  private static final Duration ALL_WINDOW = Duration.ofHours(1);
  private static final int PUSH_PER_DAY = 3;
  static final String PROGRAM = """
      {"version": 1,
       "channels": [{"id": "push"}, {"id": "email", "consent": "OPT_OUT"}],
       "caps": [{"channel": "push", "max": 3, "window": "P1D", "mode": "CALENDAR"},
                {"channel": "push", "max": 1, "window": "PT4H", "mode": "ROLLING"},
                {"max": 1, "window": "PT1H", "mode": "ROLLING"}],
       "quietHours": {"start": "22:00", "end": "08:00"}}
      """;

  private PushPolicy policy;
  private final PushRequest request = PushRequest.create();
  private final PushState[] states = new PushState[USERS];
  private final PushState[] readBack = new PushState[USERS];
  private final NaiveUser[] naive = new NaiveUser[USERS];
  private final BucketUser[] buckets = new BucketUser[USERS];
  private final int[] inputUser = new int[SIZE];
  private final int[] inputChannel = new int[SIZE];
  private final long[] inputMillis = new long[SIZE];
  private final Instant[] inputInstants = new Instant[SIZE];
  private final MutableClock clock = new MutableClock();
  private int next;

  /** Sends a backend would keep: the channel and the instant. */
  record Sent(String channel, Instant at) {}

  /** The naive per-user record. */
  static final class NaiveUser {
    final ZoneId zone;
    final boolean pushConsent;
    final boolean emailRevoked;
    final List<Sent> sends = new ArrayList<>();

    NaiveUser(ZoneId zone, boolean pushConsent, boolean emailRevoked) {
      this.zone = zone;
      this.pushConsent = pushConsent;
      this.emailRevoked = emailRevoked;
    }
  }

  /** The naive record with Bucket4j for the rolling caps. */
  static final class BucketUser {
    final NaiveUser user;
    final Bucket push;
    final Bucket all;

    BucketUser(NaiveUser user, TimeMeter clock) {
      this.user = user;
      this.push = Bucket.builder()
          .addLimit(limit -> limit.capacity(1).refillGreedy(1, PUSH_WINDOW))
          .withCustomTimePrecision(clock)
          .build();
      this.all = Bucket.builder()
          .addLimit(limit -> limit.capacity(1).refillGreedy(1, ALL_WINDOW))
          .withCustomTimePrecision(clock)
          .build();
    }
  }

  /** Bucket4j's time source, set to each decision's instant. */
  static final class MutableClock implements TimeMeter {
    long nanos;

    @Override
    public long currentTimeNanos() {
      return nanos;
    }

    @Override
    public boolean isWallClockBased() {
      return true;
    }
  }

  @Setup
  public void setUp() {
    policy = PushProgram.fromJson(PROGRAM).policy();
    request.messageClass(policy.classIndex("marketing"));
    SplittableRandom random = new SplittableRandom(20_260_301L);
    Instant now = Instant.parse("2026-03-10T00:00:00Z");
    for (int u = 0; u < USERS; u++) {
      ZoneId zone = ZONES.get(u % ZONES.size());
      boolean pushConsent = random.nextDouble() < 0.9;
      boolean emailRevoked = random.nextDouble() < 0.1;
      PushState state = policy.newState(zone);
      state = policy.withConsent(state, "push", pushConsent);
      if (emailRevoked) {
        state = policy.withConsent(state, "email", false);
      }
      naive[u] = new NaiveUser(zone, pushConsent, emailRevoked);
      // Two days of attempts every 10 to 120 minutes; what the policy sends is the history.
      Instant t = now.minus(Duration.ofDays(2));
      clock.nanos = nanos(t); // a bucket starts full at its creation time
      buckets[u] = new BucketUser(naive[u], clock);
      while (true) {
        t = t.plus(Duration.ofMinutes(random.nextInt(10, 121)));
        if (!t.isBefore(now)) {
          break;
        }
        Message message = Message.of(CHANNELS[random.nextInt(2)], "marketing");
        PushOutcome outcome = policy.apply(state, message, t);
        if (outcome.sent()) {
          state = outcome.state();
          naive[u].sends.add(new Sent(message.channel(), t));
          clock.nanos = nanos(t);
          check(buckets[u].all.tryConsume(1), "Bucket4j refused a send the policy made");
          if (message.channel().equals("push")) {
            check(buckets[u].push.tryConsume(1), "Bucket4j refused a send the policy made");
          }
        }
      }
      states[u] = state;
      readBack[u] = PushState.fromBytes(state.toBytes());
    }
    for (int i = 0; i < SIZE; i++) {
      inputUser[i] = random.nextInt(USERS);
      inputChannel[i] = random.nextInt(2);
      inputInstants[i] = now.plus(Duration.ofMinutes(random.nextInt(0, 24 * 60)));
      inputMillis[i] = inputInstants[i].toEpochMilli();
    }
    int[] outcomes = new int[Verdict.values().length];
    for (int i = 0; i < SIZE; i++) {
      Decision ours = policy.decision(policy.decide(
          states[inputUser[i]], request.channel(inputChannel[i]).atMillis(inputMillis[i])));
      Decision naiveDecision = naive(naive[inputUser[i]], CHANNELS[inputChannel[i]], inputInstants[i]);
      Decision bucketDecision = bucket4j(buckets[inputUser[i]], CHANNELS[inputChannel[i]], inputInstants[i]);
      check(policy.decide(readBack[inputUser[i]], request) == policy.decide(states[inputUser[i]], request),
          "input %s: a state read back decides otherwise", i);
      check(ours.equals(naiveDecision), "input %s: policy %s, naive %s", i, ours, naiveDecision);
      check(ours.equals(bucketDecision), "input %s: policy %s, bucket4j %s", i, ours, bucketDecision);
      outcomes[ours.verdict().ordinal()]++;
    }
    long bytes = 0;
    int largest = 0;
    for (PushState state : states) {
      int size = state.toBytes().length;
      bytes += size;
      largest = Math.max(largest, size);
    }
    System.out.printf("%nstate bytes per user (binary form): mean %.1f, max %d; outcomes SEND/DEFER/DROP %s%n",
        (double) bytes / USERS, largest, java.util.Arrays.toString(outcomes));
    // Every outcome must be exercised, or the benchmark measures a shortcut.
    for (int count : outcomes) {
      check(count > SIZE / 20, "outcome mix too thin: %s", java.util.Arrays.toString(outcomes));
    }
  }

  private static long nanos(Instant t) {
    return TimeUnit.MILLISECONDS.toNanos(t.toEpochMilli());
  }

  @Benchmark
  public long policy() {
    int i = next++ & MASK;
    return policy.decide(states[inputUser[i]], request.channel(inputChannel[i]).atMillis(inputMillis[i]));
  }

  @Benchmark
  public long policyReadBack() {
    int i = next++ & MASK;
    return policy.decide(readBack[inputUser[i]], request.channel(inputChannel[i]).atMillis(inputMillis[i]));
  }

  @Benchmark
  public Decision naive() {
    int i = next++ & MASK;
    return naive(naive[inputUser[i]], CHANNELS[inputChannel[i]], inputInstants[i]);
  }

  @Benchmark
  public Decision bucket4j() {
    int i = next++ & MASK;
    return bucket4j(buckets[inputUser[i]], CHANNELS[inputChannel[i]], inputInstants[i]);
  }

  /** Consent and quiet hours as a backend writes them; null when the message passes both. */
  private static Decision consentAndQuietHours(NaiveUser user, String channel, Instant now) {
    if (channel.equals("push") ? !user.pushConsent : user.emailRevoked) {
      return new Decision(Verdict.DROP, Reason.NO_CONSENT, "channels[" + (channel.equals("push") ? 0 : 1) + "].consent", null, null);
    }
    ZonedDateTime local = now.atZone(user.zone);
    LocalTime time = local.toLocalTime();
    if (!time.isBefore(QUIET_START) || !time.isAfter(QUIET_END.plusSeconds(59).plusNanos(999_999_999))) {
      LocalDate endDay = time.isBefore(QUIET_START) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
      Instant until = endDay.atTime(QUIET_END.plusMinutes(1)).atZone(user.zone).toInstant();
      return new Decision(Verdict.DEFER, Reason.QUIET_HOURS, "quietHours", until, null);
    }
    return null;
  }

  /** The daily push cap by scanning the list: the next local midnight if reached, else null. */
  private static Instant dailyCapNext(NaiveUser user, String channel, Instant now) {
    if (!channel.equals("push")) {
      return null;
    }
    LocalDate today = now.atZone(user.zone).toLocalDate();
    int count = 0;
    for (Sent s : user.sends) {
      if (s.channel().equals("push") && s.at().atZone(user.zone).toLocalDate().equals(today)) {
        count++;
      }
    }
    return count >= PUSH_PER_DAY ? today.plusDays(1).atStartOfDay(user.zone).toInstant() : null;
  }

  /** The strictest of the reached caps (latest next-allowed instant; earlier cap on ties). */
  private static Decision strictest(Instant[] nextAllowed) {
    int deciding = -1;
    for (int c = 0; c < nextAllowed.length; c++) {
      if (nextAllowed[c] != null && (deciding < 0 || nextAllowed[c].isAfter(nextAllowed[deciding]))) {
        deciding = c;
      }
    }
    if (deciding < 0) {
      return new Decision(Verdict.SEND, null, null, null, null);
    }
    Reason reason = deciding == 2 ? Reason.CAP_ALL_CHANNELS : Reason.CAP_CHANNEL;
    return new Decision(Verdict.DROP, reason, "caps[" + deciding + "]", null, nextAllowed[deciding]);
  }

  static Decision naive(NaiveUser user, String channel, Instant now) {
    Decision early = consentAndQuietHours(user, channel, now);
    if (early != null) {
      return early;
    }
    Instant lastPush = null;
    Instant lastAny = null;
    for (Sent s : user.sends) {
      if (s.channel().equals("push") && s.at().isAfter(now.minus(PUSH_WINDOW))) {
        lastPush = s.at();
      }
      if (s.at().isAfter(now.minus(ALL_WINDOW))) {
        lastAny = s.at();
      }
    }
    Instant[] next = {
      dailyCapNext(user, channel, now),
      channel.equals("push") && lastPush != null ? lastPush.plus(PUSH_WINDOW) : null,
      lastAny != null ? lastAny.plus(ALL_WINDOW) : null
    };
    return strictest(next);
  }

  Decision bucket4j(BucketUser user, String channel, Instant now) {
    Decision early = consentAndQuietHours(user.user, channel, now);
    if (early != null) {
      return early;
    }
    clock.nanos = nanos(now);
    Instant[] next = {
      dailyCapNext(user.user, channel, now),
      channel.equals("push") ? bucketNext(user.push, now) : null,
      bucketNext(user.all, now)
    };
    return strictest(next);
  }

  private static Instant bucketNext(Bucket bucket, Instant now) {
    if (bucket.getAvailableTokens() >= 1) {
      return null;
    }
    long waitNanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
    return now.plusMillis(TimeUnit.NANOSECONDS.toMillis(waitNanos + 999_999));
  }
}
