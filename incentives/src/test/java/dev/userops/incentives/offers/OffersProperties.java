package dev.userops.incentives.offers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userops.core.testing.PolicyLaws;
import dev.userops.incentives.OutcomeStatus;
import dev.userops.incentives.offers.PricingOutcome.PricedLine;
import dev.userops.incentives.offers.PricingOutcome.Reason;
import dev.userops.incentives.offers.PricingOutcome.Redemption;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** Allocation, ordering, optimality and refund invariants over random carts and offers. */
class OffersProperties {
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final Instant AT = Instant.parse("2026-06-18T04:00:00Z");
  private static final List<String> SKUS = List.of("s1", "s2", "s3", "s4");
  private static final List<String> CATEGORIES = List.of("c1", "c2");
  private static final List<String> TAGS = List.of("t1", "t2");

  @Property(tries = 500)
  void allocationIsExactWithinOneUnitAndLargestRemainderFirst(
      @ForAll @LongRange(min = 0, max = 1_000_000) long amount,
      @ForAll @Size(min = 1, max = 60) List<@LongRange(min = 0, max = 1_000_000) Long> weightList,
      @ForAll boolean huge) {
    long[] weights = weightList.stream().mapToLong(w -> huge ? w * 500_000_000_000L : w).toArray();
    long total = 0;
    for (long w : weights) {
      total += w;
    }
    if (total == 0) {
      amount = 0;
    }
    long[] parts = Allocation.allocate(amount, weights);
    long[] buffered = new long[weights.length + 3];
    Allocation.allocate(amount, weights, weights.length, buffered, new long[2 * weights.length + 1]);
    assertThat(Arrays.copyOf(buffered, weights.length)).isEqualTo(parts);
    long sum = 0;
    BigInteger[] remainders = new BigInteger[weights.length];
    for (int i = 0; i < weights.length; i++) {
      sum += parts[i];
      if (total == 0) {
        assertThat(parts[i]).isZero();
        continue;
      }
      BigInteger[] exact = BigInteger.valueOf(amount).multiply(BigInteger.valueOf(weights[i]))
          .divideAndRemainder(BigInteger.valueOf(total));
      long floor = exact[0].longValueExact();
      remainders[i] = exact[1];
      assertThat(parts[i]).as("part %s", i).isBetween(floor, exact[1].signum() == 0 ? floor : floor + 1);
      if (amount <= total) {
        assertThat(parts[i]).isLessThanOrEqualTo(weights[i]);
      }
    }
    assertThat(sum).isEqualTo(amount);
    for (int i = 0; i < weights.length && total > 0; i++) {
      for (int j = 0; j < weights.length; j++) {
        boolean iUp = parts[i] > BigInteger.valueOf(amount).multiply(BigInteger.valueOf(weights[i]))
            .divide(BigInteger.valueOf(total)).longValueExact();
        boolean jUp = parts[j] > BigInteger.valueOf(amount).multiply(BigInteger.valueOf(weights[j]))
            .divide(BigInteger.valueOf(total)).longValueExact();
        if (iUp && !jUp) {
          // A unit went to i but not to j: i's remainder is larger, or equal and i comes first.
          int c = remainders[i].compareTo(remainders[j]);
          assertThat(c > 0 || c == 0 && i < j).as("remainders %s at %s vs %s at %s", remainders[i], i, remainders[j], j)
              .isTrue();
        }
      }
    }
  }

  @Property(tries = 300)
  void pricingDoesNotDependOnInputOrderAndNoLineGoesNegative(@ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Offer> offers = offers(random, 1 + random.nextInt(8), true);
    Cart cart = cart(random, 1 + random.nextInt(6));
    PricingOutcome outcome = OffersProgram.of(ZONE, offers).policy().price(cart);

    List<Offer> shuffledOffers = new ArrayList<>(offers);
    List<Cart.Line> shuffledLines = new ArrayList<>(cart.lines());
    List<String> shuffledTags = new ArrayList<>(cart.userTags());
    Random shuffle = new Random(seed);
    Collections.shuffle(shuffledOffers, shuffle);
    Collections.shuffle(shuffledLines, shuffle);
    Collections.shuffle(shuffledTags, shuffle);
    Cart permuted = new Cart(cart.orderId(), cart.userId(), cart.at(), shuffledTags, cart.firstOrder(), cart.usage(),
        shuffledLines);
    assertThat(OffersProgram.of(ZONE, shuffledOffers).policy().price(permuted)).isEqualTo(outcome);

    assertThat(PricingOutcome.fromJson(outcome.toJson())).isEqualTo(outcome);
    assertThat(outcome.applied().size() + outcome.rejected().size()).isEqualTo(offers.size());
    for (PricedLine line : outcome.lines()) {
      assertThat(line.netMinor()).isGreaterThanOrEqualTo(0);
    }
    for (Redemption redemption : outcome.applied()) {
      long shares = outcome.lines().stream().flatMap(l -> l.allocations().stream())
          .filter(s -> s.offerId().equals(redemption.offerId())).mapToLong(PricingOutcome.Share::discountMinor).sum();
      assertThat(shares).as("allocations of %s", redemption.offerId()).isEqualTo(redemption.discountMinor());
      assertThat(redemption.redemptionKey()).isEqualTo("offer:" + cart.orderId() + "/" + redemption.offerId());
    }
  }

  @Property(tries = 300)
  void theChosenCombinationIsTheBruteForceBest(@ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Offer> offers = offers(random, 1 + random.nextInt(7), false);
    Cart cart = cart(random, 1 + random.nextInt(4));
    OffersPolicy policy = OffersProgram.of(ZONE, offers).policy();
    PricingOutcome outcome = policy.price(cart);

    Pricer pricer = new Pricer(policy.program());
    List<CompiledOffer> eligible = new ArrayList<>();
    for (Offer offer : offers) {
      boolean rejectedForCondition = outcome.rejected().stream().anyMatch(r -> r.offerId().equals(offer.id())
          && r.reason() != Reason.NOT_BEST && r.reason() != Reason.NOT_STACKABLE);
      if (!rejectedForCondition) {
        eligible.add(pricer.offer(offer.id()));
      }
    }
    Pricer.Combination best = Pricer.Combination.NONE;
    for (int mask = 1; mask < 1 << eligible.size(); mask++) {
      List<CompiledOffer> picked = new ArrayList<>();
      for (int i = 0; i < eligible.size(); i++) {
        if ((mask & 1 << i) != 0) {
          picked.add(eligible.get(i));
        }
      }
      boolean allowed = picked.size() == 1
          || picked.stream().noneMatch(o -> o.exclusive) && picked.stream().map(o -> o.group).distinct().count() == 1;
      if (allowed) {
        picked.sort(CompiledOffer.APPLICATION_ORDER);
        best = best.better(new Pricer.Combination(benefit(pricer, cart, picked), picked, null));
      }
    }
    assertThat(outcome.applied()).extracting(Redemption::offerId)
        .containsExactlyElementsOf(best.offers().stream().map(o -> o.id).toList());
    assertThat(outcome.discountMinor() + outcome.applied().stream().mapToLong(Redemption::giftValueMinor).sum())
        .isEqualTo(best.benefit());
  }

  /** A combination's benefit computed the long way: every offer applied in order to the lines it holds. */
  private static long benefit(Pricer pricer, Cart cart, List<CompiledOffer> combination) {
    Pricer.Sheet sheet = pricer.sheet(cart.lines());
    long[] amounts = sheet.subtotals.clone();
    long benefit = 0;
    for (CompiledOffer offer : combination) {
      if (offer.kind == Offer.Kind.GIFT) {
        benefit += offer.giftValue;
        continue;
      }
      long[] next = new long[sheet.n];
      benefit += pricer.apply(offer, sheet, sheet.scope(offer), offer.capFor(Cart.Usage.NONE), amounts, next);
      amounts = next;
    }
    return benefit;
  }

  @Property(tries = 200)
  void refundsObeyThePolicyLawsAndNeverExceedWhatWasPaid(@ForAll long seed, @ForAll boolean recompute,
      @ForAll @IntRange(min = 1, max = 12) int returns) {
    SplittableRandom random = new SplittableRandom(seed);
    OffersProgram program = OffersProgram.of(ZONE, offers(random, 1 + random.nextInt(6), false));
    if (recompute) {
      program = program.withRefundMode(OffersProgram.RefundMode.RECOMPUTE_IF_BELOW_THRESHOLD);
    }
    OffersPolicy policy = program.policy();
    Cart cart = cart(random, 1 + random.nextInt(5));
    PricingOutcome priced = policy.price(cart);
    List<ReturnEvent> events = new ArrayList<>();
    for (int i = 0; i < returns; i++) {
      if (random.nextInt(8) == 0) {
        events.add(ReturnEvent.cancel("c" + i));
      } else {
        Cart.Line line = cart.lines().get(random.nextInt(cart.lines().size()));
        events.add(ReturnEvent.of("r" + i, List.of(new ReturnEvent.Line(line.lineId(), 1 + random.nextInt(2)))));
      }
    }
    List<RefundOutcome> outcomes = PolicyLaws.of(RefundState.none(),
            (RefundState state, ReturnEvent event) -> policy.refund(priced, state, event), RefundOutcome::state,
            RefundOutcome::effectKeys, (RefundState state) -> RefundState.fromJson(state.toJson()))
        .check(events, seed);
    long refunded = 0;
    int releases = 0;
    for (RefundOutcome outcome : outcomes) {
      refunded += outcome.refundMinor();
      releases += outcome.releases().size();
      assertThat(outcome.lines().stream().mapToLong(RefundOutcome.LineRefund::refundMinor).sum())
          .isEqualTo(outcome.refundMinor());
      if (outcome.status() == OutcomeStatus.APPLIED && !recompute) {
        assertThat(outcome.deductedMinor()).isZero();
      }
      assertThat(refunded).isLessThanOrEqualTo(priced.totalMinor());
    }
    RefundState last = outcomes.get(outcomes.size() - 1).state();
    assertThat(last.refundedMinor()).isEqualTo(refunded);
    if (last.released()) {
      assertThat(refunded).isEqualTo(priced.totalMinor());
      assertThat(releases).isEqualTo(priced.applied().size());
    } else {
      assertThat(releases).isZero();
    }
  }

  static Cart cart(SplittableRandom random, int lines) {
    List<Cart.Line> list = new ArrayList<>();
    for (int i = 0; i < lines; i++) {
      list.add(new Cart.Line("L" + i, random.nextInt(6) == 0 ? null : SKUS.get(random.nextInt(SKUS.size())),
          random.nextInt(4) == 0 ? null : CATEGORIES.get(random.nextInt(CATEGORIES.size())), random.nextInt(500),
          1 + random.nextInt(3)));
    }
    List<String> tags = new ArrayList<>();
    for (String tag : TAGS) {
      if (random.nextBoolean()) {
        tags.add(tag);
      }
    }
    tags.add("unknown-tag");
    return new Cart("o-" + random.nextInt(1000), "u-1", AT, tags, random.nextBoolean(), null, list);
  }

  static List<Offer> offers(SplittableRandom random, int count, boolean withWindows) {
    List<Offer> offers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String id = "o" + i;
      Offer offer = switch (random.nextInt(6)) {
        case 0 -> Offer.threshold(id, 1 + random.nextInt(600), 1 + random.nextInt(200))
            .withAmounts(1 + random.nextInt(600), random.nextInt(3) == 0 ? (long) random.nextInt(300) : null,
                random.nextBoolean());
        case 1 -> new Offer(id, Offer.Kind.PERCENT, null, null, BigDecimal.valueOf(1 + random.nextInt(10_000), 2), false,
            random.nextInt(3) == 0 ? (long) random.nextInt(300) : null, null, null, null, null, null, null, null, null,
            null, null, null, 0, null, null, null, true);
        case 2 -> Offer.fixed(id, 1 + random.nextInt(400));
        case 3 -> Offer.fixedPrice(id, Offer.Scope.skus(SKUS.get(random.nextInt(SKUS.size()))), random.nextInt(300));
        case 4 -> Offer.gift(id, List.of(new Offer.Gift("g", 1, 1 + random.nextInt(100))));
        default -> new Offer(id, Offer.Kind.BUY_X_GET_Y, null, null,
            random.nextBoolean() ? null : BigDecimal.valueOf(1 + random.nextInt(100)), false, null, null,
            1 + random.nextInt(2), 1 + random.nextInt(2), random.nextBoolean() ? null : 1, null, null, null, null, null,
            null, null, 0, null, null, null, true);
      };
      if (offer.kind() != Offer.Kind.FIXED_PRICE && random.nextInt(3) == 0) {
        offer = offer.withScope(random.nextBoolean() ? Offer.Scope.categories(CATEGORIES.get(random.nextInt(2)))
            : new Offer.Scope(List.of(SKUS.get(random.nextInt(4)), SKUS.get(random.nextInt(4))), null,
                List.of(SKUS.get(random.nextInt(4)))));
      }
      if (random.nextInt(4) == 0) {
        offer = offer.withAudience(new Offer.Audience(List.of(TAGS.get(random.nextInt(2))),
            random.nextInt(3) == 0 ? random.nextBoolean() : null));
      }
      if (withWindows && random.nextInt(4) == 0) {
        LocalDate from = LocalDate.of(2026, 6, 10 + random.nextInt(15));
        offer = offer.withValidity(from, from.plusDays(random.nextInt(5)), null);
      }
      offers.add(offer.withStacking(random.nextBoolean() ? "g1" : "g2", random.nextInt(5) == 0, random.nextInt(3)));
    }
    return offers;
  }
}
