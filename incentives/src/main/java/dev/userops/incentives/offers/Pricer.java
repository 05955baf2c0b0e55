package dev.userops.incentives.offers;

import dev.userops.incentives.offers.PricingOutcome.GiftItem;
import dev.userops.incentives.offers.PricingOutcome.PricedLine;
import dev.userops.incentives.offers.PricingOutcome.Reason;
import dev.userops.incentives.offers.PricingOutcome.Redemption;
import dev.userops.incentives.offers.PricingOutcome.Rejection;
import dev.userops.incentives.offers.PricingOutcome.Share;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The pricing engine behind {@link OffersPolicy}: eligibility, the search for the best
 * combination, and the application of one offer to the lines' current amounts.
 */
final class Pricer {
  private final CompiledOffer[] offers;
  private final Map<String, CompiledOffer> byId = new HashMap<>();
  private final Map<String, Integer> skuIndex;
  private final Map<String, Integer> categoryIndex;
  private final Map<String, Integer> tagIndex;
  /** The stacking groups' names, sorted; offers refer to them by index. */
  private final String[] groups;
  /** The offers in id order, the order of an outcome's rejections. */
  private final CompiledOffer[] byIdOrder;
  /**
   * Each offer's rejection for each reason, by {@code index} then ordinal: immutable values, built
   * once here instead of once per priced cart.
   */
  private final Rejection[][] rejections;
  /** Each GIFT offer's items by {@code index} (empty for other kinds), built once like the rejections. */
  private final List<List<GiftItem>> giftItems = new ArrayList<>();

  Pricer(OffersProgram program) {
    TreeSet<String> skus = new TreeSet<>();
    TreeSet<String> categories = new TreeSet<>();
    TreeSet<String> tags = new TreeSet<>();
    for (Offer offer : program.offers()) {
      skus.addAll(offer.scope().skus());
      skus.addAll(offer.scope().excludeSkus());
      categories.addAll(offer.scope().categories());
      tags.addAll(offer.audience().tags());
    }
    skuIndex = index(skus);
    categoryIndex = index(categories);
    tagIndex = index(tags);
    offers = new CompiledOffer[program.offers().size()];
    for (int i = 0; i < offers.length; i++) {
      offers[i] = new CompiledOffer(program.offers().get(i), program.zone(), skuIndex, categoryIndex, tagIndex);
      byId.put(offers[i].id, offers[i]);
    }
    Arrays.sort(offers, CompiledOffer.APPLICATION_ORDER);
    TreeSet<String> groupNames = new TreeSet<>();
    for (int i = 0; i < offers.length; i++) {
      offers[i].index = i;
      groupNames.add(offers[i].group);
    }
    groups = groupNames.toArray(new String[0]);
    for (CompiledOffer offer : offers) {
      offer.groupIndex = Arrays.binarySearch(groups, offer.group);
    }
    byIdOrder = offers.clone();
    Arrays.sort(byIdOrder, Comparator.comparing((CompiledOffer o) -> o.id));
    Reason[] reasons = Reason.values();
    rejections = new Rejection[offers.length][reasons.length];
    for (CompiledOffer offer : offers) {
      for (Reason reason : reasons) {
        rejections[offer.index][reason.ordinal()] = new Rejection(offer.id, reason);
      }
      // List.copyOf, not Stream.toList: the outcome's own List.copyOf keeps it without a copy.
      giftItems.add(List.copyOf(offer.offer.gifts().stream()
          .map(gift -> new GiftItem(offer.id, gift.sku(), gift.quantity(), gift.valueMinor())).toList()));
    }
  }

  private static Map<String, Integer> index(TreeSet<String> names) {
    Map<String, Integer> index = new HashMap<>();
    for (String name : names) {
      index.put(name, index.size());
    }
    return index;
  }

  CompiledOffer offer(String id) {
    return byId.get(id);
  }

  /** The lines of one cart in {@code lineId} order, their amounts and dictionary indexes, and work buffers. */
  final class Sheet {
    final Cart.Line[] lines;
    final int n;
    final long[] subtotals;
    final int[] sku;
    final int[] category;
    final long[] weights;
    final long[] parts;
    final long[] scratch;
    /** The lines' undiscounted total. */
    final long total;
    /** The sum of the weights {@link #discount} left, for the split that follows it. */
    long base;
    private long[] bucketAmount;
    private long[] bucketCount;
    private int[] bucketLine;
    private int[] bucketOrder;
    private long[][] levels = new long[0][];
    private final int[] scopeBuffer;
    /** Every line, the scope of whole-cart offers; built on first use. */
    private int[] all;
    /** Longs per bitset over the lines. */
    final int words;
    /**
     * By offer {@code index}, once {@link #scope} has listed the offer's lines: their undiscounted
     * subtotal, and the lines as a bitset ({@link #words} longs from {@code index × words}).
     */
    final long[] scopeSubtotals;
    final long[] scopeMasks;

    Sheet(List<Cart.Line> cartLines) {
      lines = cartLines.toArray(new Cart.Line[0]);
      if (!sorted(lines)) {
        Arrays.sort(lines, Comparator.comparing(Cart.Line::lineId));
      }
      n = lines.length;
      subtotals = new long[n];
      sku = new int[n];
      category = new int[n];
      long sum = 0;
      for (int l = 0; l < n; l++) {
        subtotals[l] = lines[l].subtotalMinor();
        sum = Math.addExact(sum, subtotals[l]);
        sku[l] = indexOf(skuIndex, lines[l].sku());
        category[l] = indexOf(categoryIndex, lines[l].category());
      }
      total = sum;
      weights = new long[n];
      parts = new long[n];
      scratch = new long[2 * n];
      scopeBuffer = new int[n];
      words = (n + 63) >>> 6;
      scopeSubtotals = new long[offers.length];
      scopeMasks = new long[offers.length * words];
    }

    /**
     * At least {@code count} rows of {@code n} amounts, shared by the searches of one cart: each
     * search overwrites them before reading, so one set serves every group.
     */
    long[][] levels(int count) {
      if (levels.length < count) {
        levels = Arrays.copyOf(levels, count);
        for (int d = 0; d < count; d++) {
          if (levels[d] == null) {
            levels[d] = new long[n];
          }
        }
      }
      return levels;
    }

    /**
     * The lines in the offer's scope, ascending; callers only read it, so every whole-cart scope is
     * one array. Records the scope's subtotal and bitset.
     */
    int[] scope(CompiledOffer offer) {
      int[] in = scopeBuffer;
      int m = 0;
      long subtotal = 0;
      int mask = offer.index * words;
      for (int l = 0; l < n; l++) {
        if (offer.inScope(sku[l], category[l])) {
          in[m++] = l;
          // No overflow: the whole cart's total was summed exactly.
          subtotal += subtotals[l];
          scopeMasks[mask + (l >>> 6)] |= 1L << l;
        }
      }
      scopeSubtotals[offer.index] = subtotal;
      if (m < n) {
        return Arrays.copyOf(in, m);
      }
      if (all == null) {
        all = in.clone();
      }
      return all;
    }
  }

  private static boolean sorted(Cart.Line[] lines) {
    for (int l = 1; l < lines.length; l++) {
      if (lines[l - 1].lineId().compareTo(lines[l].lineId()) > 0) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(Map<String, Integer> index, String name) {
    if (name == null) {
      return -1;
    }
    Integer i = index.get(name);
    return i == null ? -1 : i;
  }

  Sheet sheet(List<Cart.Line> lines) {
    return new Sheet(lines);
  }

  /** Units in {@code scope}. */
  static long units(Sheet sheet, int[] scope) {
    long units = 0;
    for (int l : scope) {
      units += sheet.lines[l].quantity();
    }
    return units;
  }

  /**
   * Whether the lines in scope meet the offer's threshold (and, for BUY_X_GET_Y, hold one
   * application's units), as at pricing and again when a refund re-prices the kept units; {@code
   * scope} is the sheet's {@link Sheet#scope} of the offer.
   */
  static boolean meetsThreshold(CompiledOffer offer, Sheet sheet, int[] scope) {
    if (sheet.scopeSubtotals[offer.index] < offer.threshold) {
      return false;
    }
    return offer.kind != Offer.Kind.BUY_X_GET_Y
        || units(sheet, scope) >= (long) offer.offer.buyQuantity() + offer.offer.getQuantity();
  }

  /**
   * The discount {@code offer} takes from the current amounts {@code from} on the lines of {@code
   * scope} (the sheet's {@link Sheet#scope} of the offer), of which {@code taken}
   * has already gone from its scope to earlier offers whose allocation was not made (always 0 for
   * FIXED_PRICE and BUY_X_GET_Y, which read each line's amount; the other kinds read only their
   * scope's total). Leaves the allocation's weights in {@code sheet.weights[0, scope.length)} and,
   * with {@code taken} 0, their sum in {@code sheet.base}.
   *
   * @return the discount, at most {@code cap}, never more than the lines in scope hold
   */
  long discount(CompiledOffer offer, Sheet sheet, int[] scope, long cap, long[] from, long taken) {
    int m = scope.length;
    long[] weights = sheet.weights;
    long base = 0;
    for (int j = 0; j < m; j++) {
      weights[j] = from[scope[j]];
      base += weights[j];
    }
    base -= taken;
    long discount;
    switch (offer.kind) {
      case PERCENT -> discount = Math.multiplyExact(base, (long) offer.basisPoints) / 10_000;
      case FIXED -> discount = offer.offer.discountMinor();
      case THRESHOLD -> {
        long steps = offer.offer.stepped() ? sheet.scopeSubtotals[offer.index] / offer.threshold : 1;
        discount = Math.multiplyExact(steps, offer.offer.discountMinor());
      }
      case FIXED_PRICE -> {
        base = 0;
        for (int j = 0; j < m; j++) {
          long target = Math.multiplyExact(offer.offer.priceMinor(), (long) sheet.lines[scope[j]].quantity());
          weights[j] = Math.max(0, weights[j] - target);
          base += weights[j];
        }
        discount = base;
      }
      case BUY_X_GET_Y -> {
        base = freeUnitWeights(offer, sheet, scope, from);
        discount = base;
      }
      default -> discount = 0;
    }
    sheet.base = base;
    return Math.max(0, Math.min(Math.min(discount, cap), base));
  }

  /**
   * Applies {@code offer} to the current amounts {@code from}, writing the amounts after it, its
   * discount allocated to the lines in scope, to {@code to}.
   *
   * @return the discount it took, as {@link #discount}
   */
  long apply(CompiledOffer offer, Sheet sheet, int[] scope, long cap, long[] from, long[] to) {
    System.arraycopy(from, 0, to, 0, sheet.n);
    long discount = discount(offer, sheet, scope, cap, from, 0);
    if (discount > 0) {
      Allocation.split(discount, sheet.weights, scope.length, sheet.base, sheet.parts, sheet.scratch);
      for (int j = 0; j < scope.length; j++) {
        to[scope[j]] -= sheet.parts[j];
      }
    }
    return discount;
  }

  /**
   * Fills the weights with each line's discount on its free units and returns their sum. A line's
   * current amount is split over its units as evenly as the minor unit allows (the first {@code
   * amount mod quantity} units carry one more); the free units are the cheapest ones, ties to the
   * earlier line, {@code getQuantity} per full {@code buyQuantity + getQuantity} units, at most
   * {@code allocationLimit} times.
   */
  private long freeUnitWeights(CompiledOffer offer, Sheet sheet, int[] scope, long[] from) {
    int m = scope.length;
    long perApplication = (long) offer.offer.buyQuantity() + offer.offer.getQuantity();
    long applications = units(sheet, scope) / perApplication;
    if (offer.offer.allocationLimit() != null) {
      applications = Math.min(applications, offer.offer.allocationLimit());
    }
    long free = applications * offer.offer.getQuantity();
    if (sheet.bucketAmount == null) {
      sheet.bucketAmount = new long[2 * sheet.n];
      sheet.bucketCount = new long[2 * sheet.n];
      sheet.bucketLine = new int[2 * sheet.n];
      sheet.bucketOrder = new int[2 * sheet.n];
    }
    int buckets = 0;
    for (int j = 0; j < m; j++) {
      sheet.weights[j] = 0;
      long amount = from[scope[j]];
      int quantity = sheet.lines[scope[j]].quantity();
      long remainder = amount % quantity;
      buckets = bucket(sheet, buckets, j, amount / quantity, quantity - remainder);
      buckets = bucket(sheet, buckets, j, amount / quantity + 1, remainder);
    }
    long[] amounts = sheet.bucketAmount;
    int[] line = sheet.bucketLine;
    int[] order = sheet.bucketOrder;
    for (int b = 0; b < buckets; b++) {
      order[b] = b;
    }
    if (buckets <= 32) {
      // Insertion sort without boxing for the usual few buckets.
      for (int b = 1; b < buckets; b++) {
        int x = order[b];
        int at = b;
        while (at > 0 && cheaper(amounts, line, x, order[at - 1])) {
          order[at] = order[at - 1];
          at--;
        }
        order[at] = x;
      }
    } else {
      Integer[] boxed = new Integer[buckets];
      for (int b = 0; b < buckets; b++) {
        boxed[b] = b;
      }
      Arrays.sort(boxed, (x, y) -> cheaper(amounts, line, x, y) ? -1 : cheaper(amounts, line, y, x) ? 1 : 0);
      for (int b = 0; b < buckets; b++) {
        order[b] = boxed[b];
      }
    }
    long sum = 0;
    for (int i = 0; i < buckets && free > 0; i++) {
      int b = order[i];
      long take = Math.min(free, sheet.bucketCount[b]);
      long off = take * (Math.multiplyExact(amounts[b], (long) offer.basisPoints) / 10_000);
      sheet.weights[line[b]] += off;
      sum += off;
      free -= take;
    }
    return sum;
  }

  /** Whether bucket x's units are cheaper than bucket y's, ties to the earlier line. */
  private static boolean cheaper(long[] amounts, int[] line, int x, int y) {
    return amounts[x] < amounts[y] || amounts[x] == amounts[y] && line[x] < line[y];
  }

  private static int bucket(Sheet sheet, int at, int line, long amount, long count) {
    if (count == 0) {
      return at;
    }
    sheet.bucketAmount[at] = amount;
    sheet.bucketCount[at] = count;
    sheet.bucketLine[at] = line;
    return at + 1;
  }

  PricingOutcome price(Cart cart) {
    Sheet sheet = new Sheet(cart.lines());
    long[] userTags = new long[(tagIndex.size() + 63) >>> 6];
    for (String tag : cart.userTags()) {
      int i = indexOf(tagIndex, tag);
      if (i >= 0) {
        userTags[i >>> 6] |= 1L << i;
      }
    }
    int k = offers.length;
    Reason[] reasons = new Reason[k];
    int[][] scopes = new int[k][];
    long[] caps = new long[k];
    long[] alone = new long[k];
    for (int i = 0; i < k; i++) {
      CompiledOffer offer = offers[i];
      Cart.Usage usage = offer.hasLimits() ? cart.usage().getOrDefault(offer.id, Cart.Usage.NONE) : Cart.Usage.NONE;
      Reason reason = null;
      if (offer.start != null && cart.at().isBefore(offer.start)) {
        reason = Reason.NOT_STARTED;
      } else if (offer.end != null && !cart.at().isBefore(offer.end)) {
        reason = Reason.EXPIRED;
      } else if (!offer.inAudience(userTags, cart.firstOrder())) {
        reason = Reason.NOT_IN_AUDIENCE;
      } else {
        reason = offer.limitReason(usage);
      }
      if (reason == null) {
        scopes[i] = sheet.scope(offer);
        if (scopes[i].length == 0) {
          reason = Reason.OUT_OF_SCOPE;
        } else if (!meetsThreshold(offer, sheet, scopes[i])) {
          reason = Reason.BELOW_THRESHOLD;
        }
      }
      reasons[i] = reason;
      if (reason == null) {
        caps[i] = offer.capFor(usage);
        alone[i] = offer.kind == Offer.Kind.GIFT ? offer.giftValue
            : discount(offer, sheet, scopes[i], caps[i], sheet.subtotals, 0);
      }
    }
    Combination best = Combination.NONE;
    int[] members = new int[groups.length];
    for (int i = 0; i < k; i++) {
      if (reasons[i] == null && alone[i] > 0) {
        if (offers[i].exclusive) {
          best = best.better(new Combination(alone[i], List.of(offers[i]), null));
        } else {
          members[offers[i].groupIndex]++;
        }
      }
    }
    for (int g = 0; g < groups.length; g++) {
      if (members[g] > 0) {
        int[] group = new int[members[g]];
        int m = 0;
        for (int i = 0; i < k && m < group.length; i++) {
          if (reasons[i] == null && alone[i] > 0 && !offers[i].exclusive && offers[i].groupIndex == g) {
            group[m++] = i;
          }
        }
        best = best.better(new Search(sheet, group, scopes, caps, alone).best(groups[g]));
      }
    }
    return outcome(cart, sheet, best, reasons, scopes, caps);
  }

  /** A candidate: its benefit (discounts plus gift values), its offers in application order, its group. */
  record Combination(long benefit, List<CompiledOffer> offers, String group) {
    static final Combination NONE = new Combination(0, List.of(), null);

    /** The better of this and {@code other}: more benefit, then fewer offers, then the tie rule. */
    Combination better(Combination other) {
      if (benefit != other.benefit) {
        return benefit > other.benefit ? this : other;
      }
      if (offers.size() != other.offers.size()) {
        return offers.size() < other.offers.size() ? this : other;
      }
      return compareTie(offers, other.offers) <= 0 ? this : other;
    }

    /** Offers compared as lists sorted by priority (higher first), then id: the first difference decides. */
    static int compareTie(List<CompiledOffer> a, List<CompiledOffer> b) {
      List<CompiledOffer> x = new ArrayList<>(a);
      List<CompiledOffer> y = new ArrayList<>(b);
      x.sort(CompiledOffer.TIE_ORDER);
      y.sort(CompiledOffer.TIE_ORDER);
      for (int i = 0; i < x.size(); i++) {
        int c = CompiledOffer.TIE_ORDER.compare(x.get(i), y.get(i));
        if (c != 0) {
          return c;
        }
      }
      return 0;
    }
  }

  /**
   * The best subset of one stacking group's discount offers, by depth-first branch and bound over
   * include/exclude decisions in application order. An offer's discount on the undiscounted lines
   * bounds what it can add anywhere later (amounts only fall as offers apply, and each kind's
   * discount is monotone in the amounts), so a branch whose discount so far plus the bounds of the
   * offers still to decide (and at most the amount left) cannot beat the best found is cut; so is
   * including an offer that adds nothing, which the same subset without it dominates.
   *
   * <p>Most members are not allocated to the lines during the search. A PERCENT, FIXED or THRESHOLD
   * offer reads only its scope's total, which an earlier member with all its lines inside that scope
   * lowers by exactly its discount, and one with none of them not at all, however either is split.
   * So a member is split only when a later member shares lines with it and needs more than that
   * total: a FIXED_PRICE or BUY_X_GET_Y offer (it reads each line), a member that is split itself,
   * or one that holds only part of its lines. The outcome allocates the best combination once.
   */
  private final class Search {
    private final Sheet sheet;
    private final int[] members;
    private final int[][] scopes;
    private final long[] caps;
    private final int[] gifts;
    private final long giftValue;
    private final int k;
    /** Whether a member's allocation is made during the search. */
    private final boolean[] split;
    /** {@code inside[p * k + j]}: member p's lines all lie in member j's scope. */
    private final boolean[] inside;
    /** The rows the splits write, one per depth; null when no member is split. */
    private final long[][] rows;
    /** The lines' amounts at each depth: the row above's array unless the member chosen there was split. */
    private final long[][] amounts;
    /** The member chosen at each depth of the current path, and its discount. */
    private final int[] path;
    private final long[] taken;
    private final long[] bound;
    private final boolean[] chosen;
    private final boolean[] bestChosen;
    private long bestDiscount;
    private int bestCount;

    Search(Sheet sheet, int[] group, int[][] scopes, long[] caps, long[] alone) {
      this.sheet = sheet;
      this.scopes = scopes;
      this.caps = caps;
      // Gifts apply last (their stage), so the group's discount offers come first in it.
      int discounts = 0;
      while (discounts < group.length && offers[group[discounts]].kind != Offer.Kind.GIFT) {
        discounts++;
      }
      members = Arrays.copyOf(group, discounts);
      gifts = Arrays.copyOfRange(group, discounts, group.length);
      long value = 0;
      for (int i : gifts) {
        value = Math.addExact(value, offers[i].giftValue);
      }
      giftValue = value;
      k = members.length;
      inside = new boolean[k * k];
      split = new boolean[k];
      boolean anySplit = plan();
      rows = anySplit ? sheet.levels(k + 1) : null;
      amounts = new long[k + 1][];
      amounts[0] = sheet.subtotals;
      path = new int[k];
      taken = new long[k];
      bound = new long[k + 1];
      for (int j = k - 1; j >= 0; j--) {
        bound[j] = Math.addExact(bound[j + 1], alone[members[j]]);
      }
      chosen = new boolean[k];
      bestChosen = new boolean[k];
    }

    /** Fills {@link #inside} and {@link #split} from the members' scope bitsets; whether any member is split. */
    private boolean plan() {
      int words = sheet.words;
      long[] masks = sheet.scopeMasks;
      boolean any = false;
      for (int p = k - 1; p >= 0; p--) {
        for (int j = p + 1; j < k; j++) {
          boolean overlaps = false;
          boolean within = true;
          for (int w = 0; w < words; w++) {
            long mine = masks[members[p] * words + w];
            long theirs = masks[members[j] * words + w];
            overlaps |= (mine & theirs) != 0;
            within &= (mine & ~theirs) == 0;
          }
          inside[p * k + j] = within;
          Offer.Kind kind = offers[members[j]].kind;
          split[p] |= overlaps
              && (!within || split[j] || kind == Offer.Kind.FIXED_PRICE || kind == Offer.Kind.BUY_X_GET_Y);
        }
        any |= split[p];
      }
      return any;
    }

    Combination best(String group) {
      search(0, 0, 0, 0, sheet.total);
      List<CompiledOffer> picked = new ArrayList<>();
      for (int j = 0; j < k; j++) {
        if (bestChosen[j]) {
          picked.add(offers[members[j]]);
        }
      }
      // Members and gifts are in application order, and gifts apply last.
      for (int i : gifts) {
        picked.add(offers[i]);
      }
      return new Combination(bestDiscount + giftValue, picked, group);
    }

    private void search(int j, int depth, long discount, int count, long left) {
      long upper = discount + Math.min(bound[j], left);
      if (upper < bestDiscount || upper == bestDiscount && count > bestCount) {
        return;
      }
      if (j == k) {
        if (discount > bestDiscount || count < bestCount
            || count == bestCount && Combination.compareTie(list(chosen), list(bestChosen)) < 0) {
          bestDiscount = discount;
          bestCount = count;
          System.arraycopy(chosen, 0, bestChosen, 0, k);
        }
        return;
      }
      int i = members[j];
      long added;
      if (split[j]) {
        added = apply(offers[i], sheet, scopes[i], caps[i], amounts[depth], rows[depth + 1]);
        amounts[depth + 1] = rows[depth + 1];
      } else {
        added = discount(offers[i], sheet, scopes[i], caps[i], amounts[depth], takenFrom(j, depth));
        amounts[depth + 1] = amounts[depth];
      }
      if (added > 0) {
        chosen[j] = true;
        path[depth] = j;
        taken[depth] = added;
        search(j + 1, depth + 1, discount + added, count + 1, left - added);
        chosen[j] = false;
      }
      search(j + 1, depth, discount, count, left);
    }

    /** What the members chosen above {@code depth} and not split took from member j's scope. */
    private long takenFrom(int j, int depth) {
      long sum = 0;
      for (int d = 0; d < depth; d++) {
        int p = path[d];
        if (!split[p] && inside[p * k + j]) {
          sum += taken[d];
        }
      }
      return sum;
    }

    private List<CompiledOffer> list(boolean[] picked) {
      List<CompiledOffer> list = new ArrayList<>();
      for (int j = 0; j < k; j++) {
        if (picked[j]) {
          list.add(offers[members[j]]);
        }
      }
      return list;
    }
  }

  /**
   * The outcome of the best combination, allocated to the lines offer by offer. It keeps each
   * applied offer's share of each line as a column of {@code long}s and makes its records only
   * when they are read (see {@link LazyList}).
   */
  private PricingOutcome outcome(Cart cart, Sheet sheet, Combination best, Reason[] reasons, int[][] scopes,
      long[] caps) {
    int n = sheet.n;
    int size = best.offers().size();
    String[] ids = new String[size];
    long[] discounts = new long[size];
    long[] giftValues = new long[size];
    long[] shares = new long[size * n];
    List<GiftItem> gifts = List.of();
    boolean[] chosen = new boolean[offers.length];
    long[] current = sheet.subtotals.clone();
    long[] next = new long[n];
    long discount = 0;
    for (int a = 0; a < size; a++) {
      CompiledOffer offer = best.offers().get(a);
      int i = offer.index;
      chosen[i] = true;
      ids[a] = offer.id;
      if (offer.kind == Offer.Kind.GIFT) {
        giftValues[a] = offer.giftValue;
        gifts = gifts.isEmpty() ? giftItems.get(i) : concat(gifts, giftItems.get(i));
        continue;
      }
      discounts[a] = apply(offer, sheet, scopes[i], caps[i], current, next);
      discount += discounts[a];
      for (int l = 0; l < n; l++) {
        shares[a * n + l] = current[l] - next[l];
      }
      long[] swap = current;
      current = next;
      next = swap;
    }
    long[] net = current;
    Cart.Line[] lines = sheet.lines;
    String orderId = cart.orderId();
    Rejection[] rejected = new Rejection[offers.length - size];
    int r = 0;
    for (CompiledOffer offer : byIdOrder) {
      if (chosen[offer.index]) {
        continue;
      }
      Reason reason = reasons[offer.index];
      if (reason == null) {
        boolean stacks = best.group() != null && !offer.exclusive && offer.group.equals(best.group());
        reason = stacks || best.offers().isEmpty() ? Reason.NOT_BEST : Reason.NOT_STACKABLE;
      }
      rejected[r++] = rejections[offer.index][reason.ordinal()];
    }
    return new PricingOutcome(PricingOutcome.FORMAT_VERSION, orderId, cart.userId(), sheet.total, discount,
        sheet.total - discount,
        LazyList.of(size, a -> new Redemption(ids[a], discounts[a], giftValues[a], "offer:" + orderId + "/" + ids[a])),
        LazyList.of(n, l -> pricedLine(lines[l], net[l], ids, shares, n, l)), gifts, LazyList.of(rejected));
  }

  private static <T> List<T> concat(List<T> first, List<T> second) {
    List<T> both = new ArrayList<>(first);
    both.addAll(second);
    return both;
  }

  /** Line {@code l} of an outcome: its net, and its share of each applied offer, those above 0, in order. */
  private static PricedLine pricedLine(Cart.Line line, long net, String[] ids, long[] shares, int n, int l) {
    int count = 0;
    for (int at = l; at < shares.length; at += n) {
      count += shares[at] > 0 ? 1 : 0;
    }
    Share[] own = new Share[count];
    int s = 0;
    for (int a = 0; a < ids.length; a++) {
      long share = shares[a * n + l];
      if (share > 0) {
        own[s++] = new Share(ids[a], share);
      }
    }
    return new PricedLine(line.lineId(), line.sku(), line.category(), line.unitPriceMinor(), line.quantity(),
        line.subtotalMinor() - net, net, LazyList.of(own));
  }
}
