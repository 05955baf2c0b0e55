package dev.userops.benchmarks.draw;

import static dev.userops.benchmarks.SetupChecks.check;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import dev.userops.incentives.draw.DrawEvent;
import dev.userops.incentives.draw.DrawKey;
import dev.userops.incentives.draw.DrawOutcome;
import dev.userops.incentives.draw.DrawPolicy;
import dev.userops.incentives.draw.DrawProgram;
import dev.userops.incentives.draw.DrawRequest;
import dev.userops.incentives.draw.DrawState;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
 * One lucky draw for a paid order, with the bundled example's rules (three prizes with exact
 * decimal probabilities, a consolation, a minimum spend, at most 3 draws per local day in
 * Asia/Shanghai, a guarantee from 300.00), over 1,024 users with 0 to 2 draws on the day and a
 * stock in which the phone is out for a quarter of the inputs:
 *
 * <ul>
 *   <li>{@code draw}: {@link DrawPolicy#draw(DrawState, DrawRequest)}, the allocation-free path, with
 *       one reused {@link DrawRequest} and event ids as {@code String}s;
 *   <li>{@code apply}: {@link DrawPolicy#apply}, which also builds the new state and the award;
 *   <li>{@code naive} (baseline): what a backend would write: Guava's {@code
 *       Hashing.sipHash24(k0, k1)} over {@code (drawId + "\0" + eventId).getBytes(UTF_8)}, the top
 *       53 bits as a {@code double} in [0, 1) against cumulative {@code double} probabilities, and
 *       the day's draws counted with {@code java.time} local dates.
 * </ul>
 *
 * <p>{@link #setUp()} checks that all three give every input the same result.
 *
 * <p>Run (from the project root, after {@code mvn -pl benchmarks -am -DskipTests package}):
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar DrawBenchmark -prof gc -f 1 -wi 3 -w 1s -i 5 -r 1s
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DrawBenchmark {
  private static final int USERS = 1024;
  private static final int SIZE = 4096;
  private static final int MASK = SIZE - 1;
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final long K0 = 0x0706050403020100L;
  private static final long K1 = 0x0f0e0d0c0b0a0908L;
  static final String PROGRAM = """
      {"version": 1, "drawId": "spring-2026",
       "prizes": [
         {"id": "phone", "probability": 0.001, "inventory": 2, "valueMinor": 399900},
         {"id": "voucher-50", "probability": 0.05, "inventory": 100, "valueMinor": 5000},
         {"id": "voucher-10", "probability": 0.3, "valueMinor": 1000}],
       "consolation": {"id": "coupon-2", "valueMinor": 200},
       "eligibility": {"minSpendMinor": 5000, "cap": {"max": 3, "window": "P1D"}},
       "guarantee": {"minSpendMinor": 30000, "atLeast": "voucher-10"},
       "memoryDays": 31}
      """;
  private static final double[] PROBABILITIES = {0.001, 0.05, 0.3};
  private static final String[] IDS = {"phone", "voucher-50", "voucher-10"};

  private DrawPolicy policy;
  private final DrawRequest request = DrawRequest.create();
  private final DrawState[] states = new DrawState[USERS];
  private final int[] inputUser = new int[SIZE];
  private final String[] inputId = new String[SIZE];
  private final long[] inputMillis = new long[SIZE];
  private final Instant[] inputInstant = new Instant[SIZE];
  private final long[] inputAmount = new long[SIZE];
  private final long[] inputStock = new long[SIZE];
  private final List<List<String>> inputStockIds = new ArrayList<>();
  private final HashFunction sipHash = Hashing.sipHash24(K0, K1);
  private int next;

  @Setup
  public void setUp() {
    policy = DrawProgram.fromJson(PROGRAM).policy(ZONE, DrawKey.of(K0, K1));
    SplittableRandom random = new SplittableRandom(20_260_301L);
    long day = Instant.parse("2026-03-01T00:00:00Z").toEpochMilli();
    for (int u = 0; u < USERS; u++) {
      DrawState state = policy.newState();
      int earlier = random.nextInt(3);
      for (int d = 0; d < earlier; d++) {
        DrawEvent event = new DrawEvent("h" + u + "-" + d, Instant.ofEpochMilli(day + random.nextLong(43_200_000L)), 10_000, Set.of());
        state = policy.apply(state, event, List.of()).state();
      }
      states[u] = state;
    }
    long phoneOut = policy.stockMask(List.of("phone"));
    for (int i = 0; i < SIZE; i++) {
      inputUser[i] = random.nextInt(USERS);
      inputId[i] = "order-" + (1_000_000 + i);
      inputMillis[i] = day + 43_200_000L + random.nextLong(36_000_000L);
      inputInstant[i] = Instant.ofEpochMilli(inputMillis[i]);
      inputAmount[i] = random.nextInt(100) < 20 ? 3_000 : random.nextInt(100) < 15 ? 40_000 : 5_000 + random.nextInt(20_000);
      inputStock[i] = random.nextInt(4) == 0 ? phoneOut : 0;
      inputStockIds.add(inputStock[i] == 0 ? List.of() : List.of("phone"));
    }
    int[] outcomes = new int[4];
    for (int i = 0; i < SIZE; i++) {
      long code = policy.draw(states[inputUser[i]], request(i));
      String ours = policy.awarded(code);
      DrawOutcome applied = policy.apply(states[inputUser[i]], event(i), inputStockIds.get(i));
      String viaApply = applied.effects().isEmpty() ? null : applied.effects().get(0).prize();
      String naive = naive(states[inputUser[i]], i);
      check(DrawPolicy.status(code) == applied.status(), "input %s: draw and apply differ in status", i);
      check(java.util.Objects.equals(ours, viaApply), "input %s: draw %s, apply %s", i, ours, viaApply);
      check(java.util.Objects.equals(ours, naive), "input %s: draw %s, naive %s", i, ours, naive);
      outcomes[DrawPolicy.status(code).ordinal()]++;
      outcomes[3] += ours == null ? 0 : 1;
    }
    System.out.printf("%nAPPLIED/DUPLICATE/REJECTED %d/%d/%d, awards %d%n", outcomes[0], outcomes[1], outcomes[2], outcomes[3]);
    check(outcomes[0] > SIZE / 2 && outcomes[2] > SIZE / 10, "outcome mix too thin");
  }

  private DrawRequest request(int i) {
    return request.eventId(inputId[i]).atMillis(inputMillis[i]).amountMinor(inputAmount[i]).outOfStock(inputStock[i]);
  }

  private DrawEvent event(int i) {
    return new DrawEvent(inputId[i], inputInstant[i], inputAmount[i], Set.of());
  }

  @Benchmark
  public long draw() {
    int i = next++ & MASK;
    return policy.draw(states[inputUser[i]], request(i));
  }

  @Benchmark
  public DrawOutcome apply() {
    int i = next++ & MASK;
    return policy.apply(states[inputUser[i]], event(i), inputStockIds.get(i));
  }

  @Benchmark
  public String naive() {
    int i = next++ & MASK;
    return naive(states[inputUser[i]], i);
  }

  /** The award a backend would compute, or null for none or a rejection. */
  String naive(DrawState state, int i) {
    for (DrawState.Draw draw : state.draws()) {
      if (draw.eventId().equals(inputId[i])) {
        return null;
      }
    }
    if (inputAmount[i] < 5_000) {
      return null;
    }
    LocalDate today = inputInstant[i].atZone(ZONE).toLocalDate();
    int drawsToday = 0;
    for (DrawState.Draw draw : state.draws()) {
      if (Instant.ofEpochMilli(draw.atMillis()).atZone(ZONE).toLocalDate().equals(today)) {
        drawsToday++;
      }
    }
    if (drawsToday >= 3) {
      return null;
    }
    long u = sipHash.hashBytes(("spring-2026" + "\0" + inputId[i]).getBytes(StandardCharsets.UTF_8)).asLong();
    double x = (u >>> 11) * 0x1.0p-53;
    String prize = "coupon-2";
    double cumulative = 0;
    for (int p = 0; p < PROBABILITIES.length; p++) {
      cumulative += PROBABILITIES[p];
      if (x < cumulative) {
        prize = p == 0 && inputStock[i] != 0 ? "coupon-2" : IDS[p];
        break;
      }
    }
    return inputAmount[i] >= 30_000 && prize.equals("coupon-2") ? "voucher-10" : prize;
  }
}
