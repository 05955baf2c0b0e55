package dev.userops.incentives.offers;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * An offer resolved for pricing: its window as instants, its lists as bitsets over the policy's
 * dictionaries of SKUs, categories and tags, and its stage in the documented application order.
 */
final class CompiledOffer {
  /** Stages, applied in this order within a combination: prices, then item-level, then order-level. */
  static final int PRICE = 0;
  static final int ITEM = 1;
  static final int ORDER = 2;
  static final int GIFTS = 3;

  /** Stage, then priority (higher first), then id: the order offers of one combination apply in. */
  static final Comparator<CompiledOffer> APPLICATION_ORDER = Comparator.<CompiledOffer>comparingInt(o -> o.stage)
      .thenComparing(Comparator.<CompiledOffer>comparingInt(o -> o.priority).reversed())
      .thenComparing(o -> o.id);
  /** Priority (higher first), then id: the order of the tie rule after benefit and count. */
  static final Comparator<CompiledOffer> TIE_ORDER = Comparator.<CompiledOffer>comparingInt(o -> o.priority)
      .reversed().thenComparing(o -> o.id);

  final Offer offer;
  final String id;
  final Offer.Kind kind;
  final int stage;
  final int priority;
  final String group;
  final boolean exclusive;
  /** First instant valid, or null. */
  final Instant start;
  /** First instant no longer valid, or null. */
  final Instant end;
  final long[] tags;
  final Boolean firstOrder;
  final boolean wholeOrder;
  final long[] skus;
  final long[] categories;
  final long[] excludeSkus;
  final long threshold;
  final long maxDiscount;
  final int basisPoints;
  final long giftValue;
  /** Position in the policy's offers, in application order; set once when the policy sorts them. */
  int index;
  /** Index of its stacking group among the policy's sorted group names; set with {@link #index}. */
  int groupIndex;

  CompiledOffer(Offer offer, ZoneId programZone, Map<String, Integer> skuIndex, Map<String, Integer> categoryIndex,
      Map<String, Integer> tagIndex) {
    this.offer = offer;
    this.id = offer.id();
    this.kind = offer.kind();
    this.priority = offer.priority();
    this.group = offer.stacking().group();
    this.exclusive = offer.stacking().exclusive();
    ZoneId zone = offer.zone() != null ? offer.zone() : programZone;
    // atStartOfDay resolves a day that starts in a DST gap to the gap's end: the day's first instant.
    this.start = offer.validFrom() == null ? null : offer.validFrom().atStartOfDay(zone).toInstant();
    this.end = offer.validTo() == null ? null : offer.validTo().plusDays(1).atStartOfDay(zone).toInstant();
    this.tags = bits(offer.audience().tags(), tagIndex);
    this.firstOrder = offer.audience().firstOrder();
    this.wholeOrder = offer.scope().wholeOrder();
    this.skus = bits(offer.scope().skus(), skuIndex);
    this.categories = bits(offer.scope().categories(), categoryIndex);
    this.excludeSkus = bits(offer.scope().excludeSkus(), skuIndex);
    this.threshold = offer.thresholdMinor() == null ? 0 : offer.thresholdMinor();
    this.maxDiscount = offer.maxDiscountMinor() == null ? Long.MAX_VALUE : offer.maxDiscountMinor();
    this.basisPoints = offer.basisPoints();
    long value = 0;
    for (Offer.Gift gift : offer.gifts()) {
      value = Math.addExact(value, Math.multiplyExact(gift.valueMinor(), gift.quantity()));
    }
    this.giftValue = value;
    this.stage = switch (kind) {
      case FIXED_PRICE -> PRICE;
      case BUY_X_GET_Y -> ITEM;
      case PERCENT, FIXED -> wholeOrder ? ORDER : ITEM;
      case THRESHOLD -> ORDER;
      case GIFT -> GIFTS;
    };
  }

  /** The dictionary entries of {@code names} as a bitset; every name is in the dictionary. */
  private static long[] bits(List<String> names, Map<String, Integer> index) {
    long[] bits = new long[(index.size() + 63) >>> 6];
    for (String name : names) {
      int i = index.get(name);
      bits[i >>> 6] |= 1L << i;
    }
    return bits;
  }

  static boolean has(long[] bits, int i) {
    return i >= 0 && (bits[i >>> 6] & (1L << i)) != 0;
  }

  /** Whether a line of SKU index {@code sku} and category index {@code category} (-1: none) is in scope. */
  boolean inScope(int sku, int category) {
    if (has(excludeSkus, sku)) {
      return false;
    }
    return wholeOrder || has(skus, sku) || has(categories, category);
  }

  boolean inAudience(long[] userTags, boolean first) {
    if (firstOrder != null && firstOrder != first) {
      return false;
    }
    if (offer.audience().tags().isEmpty()) {
      return true;
    }
    for (int w = 0; w < tags.length; w++) {
      if ((tags[w] & userTags[w]) != 0) {
        return true;
      }
    }
    return false;
  }

  /** How many more redemptions and how much budget the usage leaves; the reason if none, else null. */
  PricingOutcome.Reason limitReason(Cart.Usage usage) {
    if (offer.perUserLimit() != null && usage.user() >= offer.perUserLimit()) {
      return PricingOutcome.Reason.USER_LIMIT;
    }
    if (offer.globalLimit() != null && usage.global() >= offer.globalLimit()) {
      return PricingOutcome.Reason.GLOBAL_LIMIT;
    }
    if (offer.budgetMinor() != null) {
      long left = offer.budgetMinor() - usage.budgetUsedMinor();
      if (left <= 0 || kind == Offer.Kind.GIFT && left < giftValue) {
        return PricingOutcome.Reason.BUDGET;
      }
    }
    return null;
  }

  /** The most this offer may take off this order: its cap and what is left of its budget. */
  long capFor(Cart.Usage usage) {
    return offer.budgetMinor() == null ? maxDiscount
        : Math.min(maxDiscount, offer.budgetMinor() - usage.budgetUsedMinor());
  }

  boolean hasLimits() {
    return offer.perUserLimit() != null || offer.globalLimit() != null || offer.budgetMinor() != null;
  }
}
