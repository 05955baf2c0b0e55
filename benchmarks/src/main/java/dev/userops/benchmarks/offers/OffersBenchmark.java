package dev.userops.benchmarks.offers;

import static dev.userops.benchmarks.SetupChecks.check;

import dev.userops.incentives.offers.Allocation;
import dev.userops.incentives.offers.Cart;
import dev.userops.incentives.offers.Offer;
import dev.userops.incentives.offers.OffersPolicy;
import dev.userops.incentives.offers.OffersProgram;
import dev.userops.incentives.offers.PricingOutcome;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
 * Issue 15's two offers figures:
 *
 * <ul>
 *   <li>{@code price}: {@link OffersPolicy#price} of a 10-line cart against a program of 20 offers
 *       (two stacking groups plus two exclusive offers; thresholds, stepped 满减, percent and fixed on
 *       the order and on categories, special prices, buy-2-get-1, gifts; audiences by tag and first
 *       order; four offers outside their window; usage with limits and a budget). 1024 carts, seeded
 *       (30 SKUs in 6 categories, 1–3 units at 1–200 yuan, random tags, one in ten a first order),
 *       cycled with {@code & MASK}. Goal: ≥ 200,000 carts/s on one core (≥ 0.2 ops/µs). The outcome
 *       holds its allocations as arrays and makes its records when they are read;
 *   <li>{@code priceAndRead}: {@code price} and a read of every line's shares and every redemption
 *       key, so the records are made as a host that stores them makes them;
 *   <li>{@code allocateBuffers}: {@link Allocation#allocate(long, long[], int, long[], long[])} of
 *       one discount over 100 lines with caller-provided buffers. Goal: 0 B/op;
 *   <li>{@code allocateArray}: the allocating convenience form, for the cost of its two arrays;
 *   <li>{@code naiveBigDecimal}: what a backend developer writes: each share {@code amount × weight
 *       / total} as a {@code BigDecimal} rounded half-up, the rounding error put on the last line (it
 *       sums exactly but is not a largest-remainder split, and can push the last line past its
 *       weight).
 * </ul>
 *
 * <p>{@link #setUp()} checks that every cart prices the same twice and that its lines' allocations
 * sum to the discount, that the buffer and array forms give the same shares, and that the naive
 * shares sum to the same amount; it prints how many offers each cart applies on average.
 *
 * <p>Run (from the project root, after {@code mvn -pl benchmarks -am -DskipTests package}):
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar OffersBenchmark -prof gc -f 1 -wi 3 -w 1s -i 5 -r 1s
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OffersBenchmark {
  private static final int SIZE = 1024;
  private static final int MASK = SIZE - 1;
  private static final int LINES = 100;
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final Instant AT = Instant.parse("2026-06-18T06:00:00Z");

  private OffersPolicy policy;
  private final Cart[] carts = new Cart[SIZE];
  private final long[] weights = new long[LINES];
  private final long[] amounts = new long[SIZE];
  private final long[] parts = new long[LINES];
  private final long[] scratch = new long[2 * LINES];
  private int next;

  @Setup
  public void setUp() {
    policy = OffersProgram.of(ZONE, offers()).policy();
    SplittableRandom random = new SplittableRandom(15);
    List<String> tags = List.of("high-frequency", "vip", "dormant", "student");
    for (int c = 0; c < SIZE; c++) {
      List<Cart.Line> lines = new ArrayList<>();
      for (int l = 0; l < 10; l++) {
        int sku = random.nextInt(30);
        lines.add(new Cart.Line("line-" + l, "sku-" + sku, "cat-" + sku % 6, 100 + random.nextInt(20_000),
            1 + random.nextInt(3)));
      }
      List<String> userTags = new ArrayList<>();
      for (String tag : tags) {
        if (random.nextInt(3) == 0) {
          userTags.add(tag);
        }
      }
      carts[c] = new Cart("order-" + c, "user-" + c % 97, AT, userTags, random.nextInt(10) == 0,
          Map.of("coupon-5", new Cart.Usage(random.nextInt(2), 10, 0),
              "budgeted-8", new Cart.Usage(0, 500, random.nextInt(100_000))), lines);
    }
    long applied = 0;
    for (Cart cart : carts) {
      PricingOutcome outcome = policy.price(cart);
      check(outcome.equals(policy.price(cart)), "pricing %s twice differs", cart.orderId());
      long allocated = outcome.lines().stream().mapToLong(PricingOutcome.PricedLine::discountMinor).sum();
      check(allocated == outcome.discountMinor(), "allocations of %s sum to %s, not %s", cart.orderId(), allocated,
          outcome.discountMinor());
      applied += outcome.applied().size();
    }
    for (int l = 0; l < LINES; l++) {
      weights[l] = 100 + random.nextInt(50_000);
    }
    long total = Arrays.stream(weights).sum();
    for (int i = 0; i < SIZE; i++) {
      amounts[i] = random.nextLong(total + 1);
      Allocation.allocate(amounts[i], weights, LINES, parts, scratch);
      check(Arrays.equals(parts, Allocation.allocate(amounts[i], weights)), "buffer and array forms differ");
      check(Arrays.stream(naiveBigDecimal(amounts[i], weights)).sum() == amounts[i], "naive shares do not sum");
    }
    System.out.printf("%n%.2f offers applied per cart on average%n", applied / (double) SIZE);
  }

  /** Twenty offers a shop might run at once. */
  private static List<Offer> offers() {
    List<Offer> offers = new ArrayList<>();
    offers.add(Offer.threshold("full-300-minus-50", 30_000, 5_000).withAmounts(30_000, 20_000L, true));
    offers.add(Offer.threshold("full-99-minus-10", 9_900, 1_000).withStacking("default", false, 1));
    offers.add(Offer.percent("cat-0-10pct", 10).withScope(Offer.Scope.categories("cat-0")));
    offers.add(Offer.percent("cat-1-15pct-vip", 15).withScope(Offer.Scope.categories("cat-1"))
        .withAudience(new Offer.Audience(List.of("vip"), null)));
    offers.add(Offer.fixed("cat-2-20-off", 2_000).withScope(Offer.Scope.categories("cat-2")));
    offers.add(Offer.fixedPrice("sku-3-special", Offer.Scope.skus("sku-3", "sku-9"), 4_990)
        .withAudience(new Offer.Audience(null, false)));
    offers.add(Offer.buyXGetY("cat-4-buy-2-get-1", 2, 1).withScope(Offer.Scope.categories("cat-4")));
    offers.add(Offer.gift("frequent-gift", List.of(new Offer.Gift("sample", 1, 1_500)))
        .withAudience(new Offer.Audience(List.of("high-frequency"), null)));
    offers.add(Offer.gift("first-order-pack", List.of(new Offer.Gift("pack", 1, 9_900)))
        .withAudience(new Offer.Audience(null, true)));
    offers.add(Offer.fixed("new-user-10", 1_000).withAudience(new Offer.Audience(null, true)).withLimits(1L, null, null));
    offers.add(Offer.percent("order-5pct", 5).withScope(new Offer.Scope(null, null, List.of("sku-0"))));
    offers.add(Offer.fixed("coupon-5", 500).withStacking("coupons", false, 0).withLimits(1L, null, null));
    offers.add(Offer.percent("coupon-12pct", 12).withStacking("coupons", false, 0).withAmounts(0, 3_000L, false));
    offers.add(Offer.fixed("coupon-30-over-200", 3_000).withStacking("coupons", false, 2).withAmounts(20_000, null, false));
    offers.add(Offer.percent("flash-25pct", 25).withStacking("flash", true, 5).withAmounts(0, 8_000L, false)
        .withAudience(new Offer.Audience(List.of("dormant"), null)));
    offers.add(Offer.fixed("budgeted-8", 800).withStacking("default", true, 0).withLimits(null, null, 100_000L));
    LocalDate day = LocalDate.of(2026, 6, 18);
    offers.add(Offer.fixed("expired-618-eve", 2_000).withValidity(day.minusDays(10), day.minusDays(1), null));
    offers.add(Offer.percent("double-11", 20).withValidity(LocalDate.of(2026, 11, 11), LocalDate.of(2026, 11, 11), null));
    offers.add(Offer.fixed("student-next-week", 1_500).withValidity(day.plusDays(7), day.plusDays(14), null)
        .withAudience(new Offer.Audience(List.of("student"), null)));
    offers.add(Offer.percent("spring-sale", 30).withValidity(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), null));
    return offers;
  }

  /** Half-up BigDecimal shares with the rounding error on the last line. */
  private static long[] naiveBigDecimal(long amount, long[] weights) {
    BigDecimal total = BigDecimal.valueOf(Arrays.stream(weights).sum());
    long[] shares = new long[weights.length];
    long sum = 0;
    for (int i = 0; i < weights.length; i++) {
      shares[i] = BigDecimal.valueOf(amount).multiply(BigDecimal.valueOf(weights[i]))
          .divide(total, 0, RoundingMode.HALF_UP).longValueExact();
      sum += shares[i];
    }
    shares[weights.length - 1] += amount - sum;
    return shares;
  }

  @Benchmark
  public PricingOutcome price() {
    return policy.price(carts[next++ & MASK]);
  }

  @Benchmark
  public long priceAndRead() {
    PricingOutcome outcome = policy.price(carts[next++ & MASK]);
    long read = outcome.rejected().size() + outcome.gifts().size();
    for (PricingOutcome.PricedLine line : outcome.lines()) {
      for (PricingOutcome.Share share : line.allocations()) {
        read += share.discountMinor();
      }
    }
    for (PricingOutcome.Redemption redemption : outcome.applied()) {
      read += redemption.redemptionKey().length();
    }
    return read;
  }

  @Benchmark
  public long[] allocateBuffers() {
    Allocation.allocate(amounts[next++ & MASK], weights, LINES, parts, scratch);
    return parts;
  }

  @Benchmark
  public long[] allocateArray() {
    return Allocation.allocate(amounts[next++ & MASK], weights);
  }

  @Benchmark
  public long[] naiveBigDecimal() {
    return naiveBigDecimal(amounts[next++ & MASK], weights);
  }
}
