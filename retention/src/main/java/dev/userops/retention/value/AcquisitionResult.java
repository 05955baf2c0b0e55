package dev.userops.retention.value;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.userops.core.CalendarIndex;
import dev.userops.core.Diagnostics;
import dev.userops.core.Granularity;
import dev.userops.core.internal.Checks;
import dev.userops.core.internal.Json;
import dev.userops.retention.internal.ResultRows;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Acquisition economics per channel and cohort (DOMAIN §2): new users and first buyers with
 * conversion, cumulative revenue per first buyer by interval and, once the host's spend is in
 * ({@link #withSpend}), CAC, ROI and payback. In every list indexed by interval, index k is
 * interval k and {@code null} an immature cell (its period had not fully elapsed at {@code
 * asOf}). Money is in minor units; averages and rates are exact {@link Ratio}s, {@code null} when
 * their denominator is 0 or an input is unknown.
 *
 * <p>A cohort's spend is set against the first buyers and new users of the same channel and
 * period: a user who signed up in one period and first bought in a later one is a new user of the
 * first period and a first buyer (with all their revenue) of the later one.
 *
 * @param spec the spec of the accumulator
 * @param channels one per acquisition channel with a user or spend, by channel with {@code null}
 *     (users without a channel) first
 * @param orders valid orders added
 * @param diagnostics records skipped, by reason
 */
public record AcquisitionResult(
    AcquisitionSpec spec, List<Channel> channels, long orders, Diagnostics diagnostics) {

  /**
   * Copies the list.
   *
   * @param spec the spec of the accumulator
   * @param channels the channels
   * @param orders valid orders added, {@code >= 0}
   * @param diagnostics records skipped, by reason
   * @throws NullPointerException if an object argument or a channel is null
   * @throws IllegalArgumentException if {@code orders} is negative
   */
  public AcquisitionResult {
    Checks.requireNonNull(spec, "spec");
    channels = List.copyOf(channels);
    Checks.requireNonNegative(orders, "orders");
    Checks.requireNonNull(diagnostics, "diagnostics");
  }

  /**
   * The acquisition of this result's users and {@code other}'s together, when no user is in both:
   * made under one spec over disjoint sets of users (for example one per partition of users), the
   * channels add by channel and their cohorts by start (new users, converted, first buyers and
   * cumulative revenue cell by cell; a cohort or channel in one only is kept as it is), orders and
   * diagnostics add, exactly as one accumulator given every user's events counts them; the derived
   * figures are computed from the sums on request. Spend belongs to the host, not to users, so it is
   * set once on the sum with {@link #withSpend}. Results of sets that share a user cannot be added:
   * a shared user would count twice.
   *
   * @param other a result of other users, made with the same spec
   * @return the result of both sets of users, without spend
   * @throws NullPointerException if {@code other} is null
   * @throws IllegalArgumentException if the two were made with different specs, or either holds
   *     spend
   * @throws ArithmeticException if a sum overflows a {@code long}
   */
  public AcquisitionResult plus(AcquisitionResult other) {
    Checks.requireNonNull(other, "other");
    Checks.checkArgument(spec.equals(other.spec), "results of different specs: %s vs %s", spec.toJson(),
        other.spec.toJson());
    Checks.checkArgument(!hasSpend() && !other.hasSpend(),
        "results with spend cannot be added: add them first, then set spend on the sum with withSpend");
    List<Channel> sum = ResultRows.union(channels, other.channels, Channel::acquisitionChannel, LtvResult.NAMES,
        (a, b) -> new Channel(a.acquisitionChannel, ResultRows.union(a.cohorts, b.cohorts, Cohort::start,
            Comparator.naturalOrder(), Cohort::plus)));
    return new AcquisitionResult(spec, sum, Math.addExact(orders, other.orders), diagnostics.plus(other.diagnostics));
  }

  private boolean hasSpend() {
    return channels.stream().flatMap(c -> c.cohorts.stream()).anyMatch(c -> c.spendMinor != null);
  }

  /**
   * This result with the host's spend set against its cohorts: each cohort gets the sum of the
   * rows of its channel and period, or {@code null} spend (unknown, so no CAC, ROI or payback) if
   * no row names them. A row for a channel or period without users adds a cohort of none. Spend
   * this result held before is replaced.
   *
   * @param spend the spend rows, any number per channel and period
   * @return a new result
   * @throws NullPointerException if {@code spend} or a row is null
   * @throws IllegalArgumentException if a row's period is after the period of {@code asOf}, or
   *     before the spec's first cohort ({@code from}), whose users were not counted
   * @throws ArithmeticException if the spend of a cohort overflows a {@code long}
   */
  public AcquisitionResult withSpend(Collection<Spend> spend) {
    LtvSpec cohorts = spec.cohorts();
    Granularity granularity = cohorts.granularity();
    CalendarIndex calendar = CalendarIndex.of(cohorts.zone(), cohorts.weekStart());
    long asOfMillis = cohorts.asOf().toEpochMilli();
    long asOfPeriod = calendar.index(granularity, asOfMillis);
    long fromPeriod = cohorts.from() == null ? Long.MIN_VALUE : calendar.indexOf(granularity, cohorts.from());
    Map<String, TreeMap<Long, Long>> spendByChannel = new HashMap<>();
    for (Spend row : spend) {
      long period = calendar.indexOf(granularity, row.period());
      Checks.checkArgument(
          period >= fromPeriod && period <= asOfPeriod,
          "spend period must be a cohort from %s to the period of asOf %s, got %s",
          cohorts.from() == null ? "any" : cohorts.from(),
          cohorts.asOf(),
          row);
      spendByChannel
          .computeIfAbsent(row.acquisitionChannel(), c -> new TreeMap<>())
          .merge(period, row.spendMinor(), Math::addExact);
    }
    Map<String, TreeMap<Long, Cohort>> rowsByChannel =
        new TreeMap<>(LtvResult.NAMES);
    for (Channel channel : channels) {
      for (Cohort cohort : channel.cohorts()) {
        if (cohort.newUsers() > 0 || cohort.firstBuyers() > 0) {
          rowsByChannel
              .computeIfAbsent(channel.acquisitionChannel(), c -> new TreeMap<>())
              .put(calendar.indexOf(granularity, cohort.start()), cohort.withSpend(null));
        }
      }
    }
    long lastComplete = CohortTable.lastCompletePeriod(calendar, granularity, asOfMillis);
    spendByChannel.forEach(
        (name, spent) -> {
          TreeMap<Long, Cohort> rows = rowsByChannel.computeIfAbsent(name, c -> new TreeMap<>());
          spent.forEach(
              (period, spendMinor) -> {
                Cohort cohort = rows.get(period);
                rows.put(
                    period,
                    cohort != null
                        ? cohort.withSpend(spendMinor)
                        : spendOnly(calendar.periodStart(granularity, period), period, lastComplete, spendMinor));
              });
        });
    List<Channel> withSpend = new ArrayList<>();
    rowsByChannel.forEach((name, rows) -> withSpend.add(new Channel(name, new ArrayList<>(rows.values()))));
    return new AcquisitionResult(spec, withSpend, orders, diagnostics);
  }

  /** A cohort of no user: revenue 0 in its mature cells. */
  private Cohort spendOnly(LocalDate start, long period, long lastComplete, long spendMinor) {
    List<Long> revenue = new ArrayList<>();
    for (int k = 0; k <= spec.cohorts().intervals(); k++) {
      revenue.add(period + k <= lastComplete ? 0L : null);
    }
    return new Cohort(start, spendMinor, 0, 0, 0, revenue);
  }

  /**
   * This result as JSON: the fields above, with each cohort's and channel's derived figures
   * (conversion, CAC, revenue per user, ROI, payback, pooled).
   *
   * @return compact JSON; immature cells and unknown figures are {@code null}
   */
  public String toJson() {
    return Json.write(this);
  }

  /**
   * One acquisition channel.
   *
   * @param acquisitionChannel the channel, {@code null} for users without one
   * @param cohorts its cohorts with a new user, first buyer or spend, by start ascending
   */
  public record Channel(String acquisitionChannel, List<Cohort> cohorts) {
    /**
     * Copies the list.
     *
     * @param acquisitionChannel the channel, or {@code null} for none
     * @param cohorts the cohorts, by start ascending
     * @throws NullPointerException if the list or a cohort is null
     */
    public Channel {
      cohorts = List.copyOf(cohorts);
    }

    /**
     * The channel's cohorts pooled: sums, and ratios of sums, so that large cohorts weigh more.
     *
     * @return the pooled figures
     * @throws ArithmeticException if a sum overflows a {@code long}
     */
    @JsonProperty("pooled")
    public Pooled pooled() {
      int width = cohorts.isEmpty() ? 0 : cohorts.get(0).revenueMinor().size();
      long spend = 0;
      long newUsers = 0;
      long converted = 0;
      long firstBuyers = 0;
      long firstBuyersWithSpend = 0;
      long[] revenue = new long[width];
      long[] users = new long[width];
      long[] spentRevenue = new long[width];
      long[] spent = new long[width];
      for (Cohort c : cohorts) {
        newUsers += c.newUsers();
        converted += c.converted();
        firstBuyers += c.firstBuyers();
        if (c.spendMinor() != null) {
          spend = Math.addExact(spend, c.spendMinor());
          firstBuyersWithSpend += c.firstBuyers();
        }
        // Immature cells are the tail of each row.
        for (int k = 0; k < width && c.revenueMinor().get(k) != null; k++) {
          revenue[k] = Math.addExact(revenue[k], c.revenueMinor().get(k));
          users[k] += c.firstBuyers();
          if (c.spendMinor() != null && c.spendMinor() > 0) {
            spentRevenue[k] = Math.addExact(spentRevenue[k], c.revenueMinor().get(k));
            spent[k] = Math.addExact(spent[k], c.spendMinor());
          }
        }
      }
      return new Pooled(spend, newUsers, converted, firstBuyers, firstBuyersWithSpend,
          list(revenue), list(users), list(spentRevenue), list(spent));
    }

    private static List<Long> list(long[] values) {
      return Arrays.stream(values).boxed().toList();
    }
  }

  /**
   * One cohort of one channel.
   *
   * @param start the first local date of the cohort's period
   * @param spendMinor what the host spent on the channel in the period, {@code null} if unknown
   * @param newUsers users whose earliest sign-up fell in the period
   * @param converted those of them with a valid order by {@code asOf}
   * @param firstBuyers users whose first valid order fell in the period
   * @param revenueMinor per interval k, the first buyers' net revenue from the cohort's period to
   *     period k after it, both inclusive; {@code null} for an immature cell
   */
  public record Cohort(
      LocalDate start,
      Long spendMinor,
      long newUsers,
      long converted,
      long firstBuyers,
      List<Long> revenueMinor) {
    /**
     * Checks the counts; copies the list, which may hold nulls.
     *
     * @param start the first local date of the cohort's period
     * @param spendMinor spend, {@code >= 0}, or {@code null} if unknown
     * @param newUsers new users, {@code >= 0}
     * @param converted converted new users, in {@code [0, newUsers]}
     * @param firstBuyers first buyers, {@code >= 0}
     * @param revenueMinor cumulative revenue per interval, {@code null} for immature cells
     * @throws NullPointerException if {@code start} or the list is null
     * @throws IllegalArgumentException if a count or the spend is out of range
     */
    public Cohort {
      Checks.requireNonNull(start, "start");
      Checks.checkArgument(spendMinor == null || spendMinor >= 0, "spendMinor must be >= 0, got %s", spendMinor);
      Checks.requireNonNegative(firstBuyers, "firstBuyers");
      Checks.checkArgument(
          0 <= converted && converted <= newUsers,
          "cohort %s: expected 0 <= converted <= newUsers, got %s, %s",
          start,
          converted,
          newUsers);
      revenueMinor = LtvResult.copyWithNulls(revenueMinor);
    }

    /** The cohort of both sets of users, without spend. */
    private Cohort plus(Cohort other) {
      return new Cohort(start, null, Math.addExact(newUsers, other.newUsers), Math.addExact(converted, other.converted),
          Math.addExact(firstBuyers, other.firstBuyers), LtvResult.plusCells(start, revenueMinor, other.revenueMinor));
    }

    Cohort withSpend(Long spend) {
      return new Cohort(start, spend, newUsers, converted, firstBuyers, revenueMinor);
    }

    /**
     * Conversion of the cohort's new users to a first order by {@code asOf}.
     *
     * @return {@code converted / newUsers}, {@code null} without new users
     */
    @JsonProperty("conversion")
    public Ratio conversion() {
      return Ratio.orNull(converted, newUsers);
    }

    /**
     * CAC, the cost per new buyer, which is the cost per first order: each first buyer has one.
     *
     * @return {@code spendMinor / firstBuyers}, minor units; {@code null} if spend is unknown or
     *     there is no first buyer
     */
    @JsonProperty("cac")
    public Ratio cac() {
      return spendMinor == null ? null : Ratio.orNull(spendMinor, firstBuyers);
    }

    /**
     * The cost per new user (sign-up).
     *
     * @return {@code spendMinor / newUsers}, minor units; {@code null} if spend is unknown or there
     *     is no new user
     */
    @JsonProperty("costPerNewUser")
    public Ratio costPerNewUser() {
      return spendMinor == null ? null : Ratio.orNull(spendMinor, newUsers);
    }

    /**
     * The LTV of the cohort's first buyers.
     *
     * @return per interval {@code revenueMinor / firstBuyers}; {@code null} for an immature cell or
     *     without first buyers
     */
    @JsonProperty("revenuePerUser")
    public List<Ratio> revenuePerUser() {
      return LtvResult.perUser(revenueMinor, Collections.nCopies(revenueMinor.size(), firstBuyers));
    }

    /**
     * ROI at each interval.
     *
     * @return per interval {@code revenueMinor / spendMinor - 1}, e.g. {@code -1/4} when revenue
     *     has covered three quarters of spend; {@code null} for an immature cell, or for all if
     *     spend is unknown or 0
     */
    @JsonProperty("roi")
    public List<Ratio> roi() {
      List<Ratio> roi = new ArrayList<>(revenueMinor.size());
      for (Long revenue : revenueMinor) {
        roi.add(
            revenue == null || spendMinor == null || spendMinor == 0
                ? null
                : Ratio.of(Math.subtractExact(revenue, spendMinor), spendMinor));
      }
      return Collections.unmodifiableList(roi);
    }

    /**
     * The payback period: the first interval whose cumulative revenue covers the spend, over
     * mature cells only.
     *
     * @return the payback; {@code null} if spend is unknown
     */
    @JsonProperty("payback")
    public Payback payback() {
      if (spendMinor == null) {
        return null;
      }
      for (int k = 0; k < revenueMinor.size(); k++) {
        Long revenue = revenueMinor.get(k);
        if (revenue == null) {
          return new Payback(Payback.Status.NOT_YET, null);
        }
        if (revenue >= spendMinor) {
          return new Payback(Payback.Status.PAID_BACK, k);
        }
      }
      return new Payback(Payback.Status.NEVER, null);
    }
  }

  /**
   * When a cohort's revenue covered its spend.
   *
   * @param status paid back, not yet, or never within the intervals tracked
   * @param interval the first interval k whose cumulative revenue is at least the spend, when
   *     {@link Status#PAID_BACK}; else {@code null}
   */
  public record Payback(Status status, Integer interval) {
    /**
     * Checks that the interval is present exactly when paid back.
     *
     * @param status the status
     * @param interval the interval, {@code >= 0} when paid back, else {@code null}
     * @throws NullPointerException if {@code status} is null
     * @throws IllegalArgumentException if {@code interval} does not match {@code status}
     */
    public Payback {
      Checks.requireNonNull(status, "status");
      Checks.checkArgument(
          (status == Status.PAID_BACK) == (interval != null && interval >= 0),
          "expected an interval >= 0 exactly when PAID_BACK, got %s, %s",
          status,
          interval);
    }

    /** Whether, and how, a cohort paid back. */
    public enum Status {
      /** A mature cell's cumulative revenue is at least the spend: {@code interval} is the first. */
      PAID_BACK,
      /**
       * Not paid back in the mature cells, and a later cell within the spec's {@code intervals} is
       * still immature: it may yet.
       */
      NOT_YET,
      /**
       * Not paid back by the last interval the spec tracks, {@code intervals}, whose cell is mature:
       * revenue after it is not kept, so no later result of this spec can report a payback. It
       * means "not within {@code intervals} periods", not that later revenue cannot cover the
       * spend; a longer horizon needs a spec with more intervals.
       */
      NEVER
    }
  }

  /**
   * A channel's cohorts pooled. Ratios are of sums, over the cohorts where each is defined.
   *
   * @param spendMinor spend summed over the cohorts where it is known
   * @param newUsers new users of all cohorts
   * @param converted converted new users of all cohorts
   * @param firstBuyers first buyers of all cohorts
   * @param firstBuyersWithSpend first buyers of the cohorts whose spend is known
   * @param revenueMinor per interval, cumulative revenue over the cohorts whose cell is mature
   * @param users per interval, first buyers of the same cohorts
   * @param spentRevenueMinor per interval, cumulative revenue over the cohorts whose cell is mature
   *     and spend is known and above 0
   * @param spentMinor per interval, spend of the same cohorts
   */
  public record Pooled(
      long spendMinor,
      long newUsers,
      long converted,
      long firstBuyers,
      long firstBuyersWithSpend,
      List<Long> revenueMinor,
      List<Long> users,
      List<Long> spentRevenueMinor,
      List<Long> spentMinor) {
    /**
     * Copies the lists.
     *
     * @param spendMinor known spend
     * @param newUsers new users
     * @param converted converted new users
     * @param firstBuyers first buyers
     * @param firstBuyersWithSpend first buyers of cohorts with known spend
     * @param revenueMinor per interval, revenue over mature cells
     * @param users per interval, first buyers over mature cells
     * @param spentRevenueMinor per interval, revenue over mature cells with spend
     * @param spentMinor per interval, spend of those cohorts
     * @throws NullPointerException if a list or an element is null
     */
    public Pooled {
      revenueMinor = List.copyOf(revenueMinor);
      users = List.copyOf(users);
      spentRevenueMinor = List.copyOf(spentRevenueMinor);
      spentMinor = List.copyOf(spentMinor);
    }

    /**
     * Pooled conversion of new users to a first order.
     *
     * @return {@code converted / newUsers}, {@code null} without new users
     */
    @JsonProperty("conversion")
    public Ratio conversion() {
      return Ratio.orNull(converted, newUsers);
    }

    /**
     * Pooled CAC over the cohorts whose spend is known.
     *
     * @return {@code spendMinor / firstBuyersWithSpend}, {@code null} without such buyers
     */
    @JsonProperty("cac")
    public Ratio cac() {
      return Ratio.orNull(spendMinor, firstBuyersWithSpend);
    }

    /**
     * Pooled LTV of the channel's first buyers.
     *
     * @return per interval {@code revenueMinor / users}, {@code null} where no cell is mature
     */
    @JsonProperty("revenuePerUser")
    public List<Ratio> revenuePerUser() {
      return LtvResult.perUser(revenueMinor, users);
    }

    /**
     * Pooled ROI.
     *
     * @return per interval {@code spentRevenueMinor / spentMinor - 1}, {@code null} where no
     *     cohort with spend is mature
     */
    @JsonProperty("roi")
    public List<Ratio> roi() {
      List<Ratio> roi = new ArrayList<>(spentMinor.size());
      for (int k = 0; k < spentMinor.size(); k++) {
        long spend = spentMinor.get(k);
        roi.add(spend == 0 ? null : Ratio.of(Math.subtractExact(spentRevenueMinor.get(k), spend), spend));
      }
      return Collections.unmodifiableList(roi);
    }
  }
}
