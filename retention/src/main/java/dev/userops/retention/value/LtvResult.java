package dev.userops.retention.value;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.userops.core.Diagnostics;
import dev.userops.core.Granularity;
import dev.userops.core.internal.Checks;
import dev.userops.core.internal.Json;
import dev.userops.retention.internal.ResultRows;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * A cohort LTV triangle (DOMAIN §2 "lifetime value", historical): for each cohort of first valid
 * order, the cumulative net revenue of its users by interval 0, 1, … {@link #intervals()} periods
 * after the cohort's period. In every list indexed by interval, index k is interval k; a {@code
 * null} there is an immature cell, whose period {@code cohort + k} had not fully elapsed at the
 * spec's {@code asOf}: unknown, never 0, and left out of the mean. Money is in minor units of the
 * one currency; averages are exact {@link Ratio}s.
 *
 * @param granularity the period of cohorts and intervals
 * @param zone the zone of cohort start dates
 * @param intervals the last interval of every row, as in the spec
 * @param all the triangle of every user
 * @param byAttribute one triangle per attribute of users' first valid orders, by attribute with
 *     {@code null} (users without one) first; empty when no user has an attribute
 * @param orders valid orders added, whether or not their revenue falls in a reported cell
 * @param diagnostics records skipped, by reason
 */
public record LtvResult(
    Granularity granularity,
    ZoneId zone,
    int intervals,
    Triangle all,
    List<Split> byAttribute,
    long orders,
    Diagnostics diagnostics) {
  /** Attribute and channel names in the order results list them, {@code null} (none) first. */
  static final Comparator<String> NAMES = Comparator.nullsFirst(Comparator.naturalOrder());

  /**
   * Copies the list.
   *
   * @param granularity the period of cohorts and intervals
   * @param zone the zone of cohort start dates
   * @param intervals the last interval of every row, {@code >= 0}
   * @param all the triangle of every user
   * @param byAttribute one triangle per attribute
   * @param orders valid orders added
   * @param diagnostics records skipped, by reason
   * @throws NullPointerException if an object argument or a split is null
   * @throws IllegalArgumentException if {@code intervals} or {@code orders} is negative
   */
  public LtvResult {
    Checks.requireNonNull(granularity, "granularity");
    Checks.requireNonNull(zone, "zone");
    Checks.requireNonNegative(intervals, "intervals");
    Checks.requireNonNull(all, "all");
    byAttribute = List.copyOf(byAttribute);
    Checks.requireNonNegative(orders, "orders");
    Checks.requireNonNull(diagnostics, "diagnostics");
  }

  /**
   * The triangles of this result's users and {@code other}'s together, when no user is in both:
   * made under one spec over disjoint sets of users (for example one per partition of users), the
   * cohorts of each triangle add by start (users and cumulative revenue cell by cell; a cohort in
   * one only is kept as it is), {@code byAttribute} adds by attribute, orders and diagnostics add,
   * and the mean rows are computed again from the summed cohorts, exactly as one accumulator given
   * every user's orders computes them. Results of sets that share a user cannot be added: a shared
   * user would count twice, in the cohorts of both first orders.
   *
   * @param other a result of other users, made with the same spec
   * @return the result of both sets of users
   * @throws NullPointerException if {@code other} is null
   * @throws IllegalArgumentException if the two differ in granularity, zone or intervals, or a
   *     cohort of both is mature in different cells, so were not made with the same spec
   * @throws ArithmeticException if a sum overflows a {@code long}
   */
  public LtvResult plus(LtvResult other) {
    Checks.requireNonNull(other, "other");
    Checks.checkArgument(granularity == other.granularity && zone.equals(other.zone) && intervals == other.intervals,
        "results of different specs: %s %s %s intervals vs %s %s %s intervals", granularity, zone, intervals,
        other.granularity, other.zone, other.intervals);
    List<Split> splits = ResultRows.union(splits(), other.splits(), Split::attribute, NAMES,
        (a, b) -> new Split(a.attribute, a.triangle.plus(b.triangle, intervals)));
    // As the accumulator does: no splits unless some user has an attribute.
    return new LtvResult(granularity, zone, intervals, all.plus(other.all, intervals),
        splits.stream().anyMatch(split -> split.attribute != null) ? splits : List.of(),
        Math.addExact(orders, other.orders), diagnostics.plus(other.diagnostics));
  }

  /** The splits, with the one of users without an attribute spelled out when it is the only one. */
  private List<Split> splits() {
    return byAttribute.isEmpty() && !all.cohorts.isEmpty() ? List.of(new Split(null, all)) : byAttribute;
  }

  /**
   * This result as JSON: the fields above, each cohort's and the mean's {@code revenuePerUser}
   * included.
   *
   * @return compact JSON; immature cells are {@code null}
   */
  public String toJson() {
    return Json.write(this);
  }

  /**
   * Cumulative revenue of two cohorts of one start added cell by cell; the cells are mature alike
   * when the results were made with one spec.
   */
  static List<Long> plusCells(LocalDate start, List<Long> a, List<Long> b) {
    Checks.checkArgument(a.size() == b.size(), "results of different specs: cohort %s has %s vs %s cells",
        start, a.size(), b.size());
    List<Long> sum = new ArrayList<>(a.size());
    for (int k = 0; k < a.size(); k++) {
      Long x = a.get(k);
      Long y = b.get(k);
      Checks.checkArgument((x == null) == (y == null),
          "results of different specs: cohort %s interval %s is mature in only one", start, k);
      sum.add(x == null ? null : Math.addExact(x, y));
    }
    return sum;
  }

  static <T> List<T> copyWithNulls(List<T> list) {
    return Collections.unmodifiableList(new ArrayList<>(Checks.requireNonNull(list, "list")));
  }

  /** Each revenue per user; {@code null} where the revenue is null (immature) or the users 0. */
  static List<Ratio> perUser(List<Long> revenueMinor, List<Long> users) {
    List<Ratio> ratios = new ArrayList<>(revenueMinor.size());
    for (int k = 0; k < revenueMinor.size(); k++) {
      Long revenue = revenueMinor.get(k);
      ratios.add(revenue == null ? null : Ratio.orNull(revenue, users.get(k)));
    }
    return Collections.unmodifiableList(ratios);
  }

  /**
   * The triangle of one group of users.
   *
   * @param cohorts the cohorts with at least one user, by start ascending
   * @param mean the pooled mean row
   */
  public record Triangle(List<Cohort> cohorts, Mean mean) {
    /**
     * Copies the list.
     *
     * @param cohorts the cohorts, by start ascending
     * @param mean the pooled mean row
     * @throws NullPointerException if an argument or a cohort is null
     */
    public Triangle {
      cohorts = List.copyOf(cohorts);
      Checks.requireNonNull(mean, "mean");
    }

    /**
     * The triangle of these cohorts with their mean row: per interval up to {@code intervals}, the
     * revenue and users of the cohorts whose cell is mature.
     */
    static Triangle of(List<Cohort> cohorts, int intervals) {
      long[] meanRevenue = new long[intervals + 1];
      long[] meanUsers = new long[intervals + 1];
      for (Cohort cohort : cohorts) {
        // Immature cells are the tail of each row.
        for (int k = 0; k <= intervals && cohort.revenueMinor.get(k) != null; k++) {
          meanRevenue[k] = Math.addExact(meanRevenue[k], cohort.revenueMinor.get(k));
          meanUsers[k] += cohort.users;
        }
      }
      return new Triangle(cohorts, new Mean(
          Arrays.stream(meanRevenue).boxed().toList(), Arrays.stream(meanUsers).boxed().toList()));
    }

    /** This triangle's cohorts and {@code other}'s added by start, with the mean computed again. */
    private Triangle plus(Triangle other, int intervals) {
      return of(ResultRows.union(cohorts, other.cohorts, Cohort::start, Comparator.naturalOrder(),
          (a, b) -> new Cohort(a.start, Math.addExact(a.users, b.users), plusCells(a.start, a.revenueMinor, b.revenueMinor))),
          intervals);
    }
  }

  /**
   * One cohort's row.
   *
   * @param start the first local date of the cohort's period
   * @param users users whose first valid order fell in the period
   * @param revenueMinor per interval k, their net revenue from the cohort's period to period k
   *     after it, both inclusive; {@code null} for an immature cell
   */
  public record Cohort(LocalDate start, long users, List<Long> revenueMinor) {
    /**
     * Copies the list, which may hold nulls.
     *
     * @param start the first local date of the cohort's period
     * @param users users of the cohort, {@code >= 0}
     * @param revenueMinor cumulative revenue per interval, {@code null} for immature cells
     * @throws NullPointerException if {@code start} or the list is null
     * @throws IllegalArgumentException if {@code users} is negative
     */
    public Cohort {
      Checks.requireNonNull(start, "start");
      Checks.requireNonNegative(users, "users");
      revenueMinor = copyWithNulls(revenueMinor);
    }

    /**
     * The LTV: cumulative revenue per cohort user, per interval.
     *
     * @return per interval {@code revenueMinor / users} in minor units, {@code null} for an immature
     *     cell or a cohort without users
     */
    @JsonProperty("revenuePerUser")
    public List<Ratio> revenuePerUser() {
      return perUser(revenueMinor, Collections.nCopies(revenueMinor.size(), users));
    }
  }

  /**
   * The pooled mean row: per interval, Σ revenue / Σ users over the cohorts whose cell is mature,
   * so large cohorts weigh more (DOMAIN §5).
   *
   * @param revenueMinor per interval, cumulative revenue summed over mature cells
   * @param users per interval, users of the same cohorts
   */
  public record Mean(List<Long> revenueMinor, List<Long> users) {
    /**
     * Copies the lists.
     *
     * @param revenueMinor per interval, revenue over mature cells; no nulls
     * @param users per interval, users over mature cells; no nulls, same length
     * @throws NullPointerException if a list or an element is null
     * @throws IllegalArgumentException if the lists differ in length
     */
    public Mean {
      revenueMinor = List.copyOf(revenueMinor);
      users = List.copyOf(users);
      Checks.requireEqualLengths("revenueMinor and users", revenueMinor.size(), users.size());
    }

    /**
     * The pooled LTV per interval.
     *
     * @return per interval {@code revenueMinor / users}, {@code null} where no cell is mature
     */
    @JsonProperty("revenuePerUser")
    public List<Ratio> revenuePerUser() {
      return perUser(revenueMinor, users);
    }
  }

  /**
   * The triangle of the users whose first valid order carried one attribute.
   *
   * @param attribute the attribute, {@code null} for users whose first valid order had none
   * @param triangle their triangle
   */
  public record Split(String attribute, Triangle triangle) {
    /**
     * Checks the triangle is present.
     *
     * @param attribute the attribute, or {@code null} for none
     * @param triangle the triangle of its users
     * @throws NullPointerException if {@code triangle} is null
     */
    public Split {
      Checks.requireNonNull(triangle, "triangle");
    }
  }
}
