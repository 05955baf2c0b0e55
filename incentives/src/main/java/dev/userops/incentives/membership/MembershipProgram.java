package dev.userops.incentives.membership;

import dev.userops.core.ConfigException;
import dev.userops.core.internal.Checks;
import dev.userops.core.internal.Json;
import dev.userops.incentives.support.ConfigPaths;
import java.time.DateTimeException;
import java.time.Period;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A paid-membership catalog ("plus", a monthly card): plans as data, the refund rule, the grace
 * period after a failed renewal and how long event ids are remembered. Immutable; JSON via {@link
 * #fromJson} and {@link #toJson}, e.g.
 *
 * <pre>{@code
 * {"version": 1, "longerIsCheaper": true, "graceDays": 7, "memoryDays": 3660,
 *  "refunds": {"fullWithinDays": 7, "thereafter": "PRO_RATA"},
 *  "plans": [
 *    {"id": "monthly", "period": "P1M", "priceMinor": 1500, "benefits": ["free-shipping"],
 *     "trialPriceMinor": 100, "autoRenew": true},
 *    {"id": "annual", "period": "P1Y", "priceMinor": 15000, "benefits": ["free-shipping"]}]}
 * }</pre>
 *
 * @param version format version, {@value #FORMAT_VERSION}
 * @param plans the plans on offer, ids distinct
 * @param longerIsCheaper whether the catalog promises that, among plans of the same tier, a longer
 *     period costs strictly less per month (checked here)
 * @param refunds how much of a payment a refund gives back
 * @param graceDays local days after the paid end during which a member whose renewal failed keeps
 *     the benefits while payment is retried
 * @param memoryDays days of history the state keeps: event ids and periods that ended longer ago
 *     than this before the latest event are dropped
 */
public record MembershipProgram(
    int version, List<Plan> plans, boolean longerIsCheaper, Refunds refunds, int graceDays, int memoryDays) {
  /** The JSON format version this class reads and writes. */
  public static final int FORMAT_VERSION = 1;

  /**
   * Checks every plan and the catalog's promises; messages start with the JSON path of the bad
   * value.
   *
   * @param version must be {@value #FORMAT_VERSION}
   * @param plans at least one plan, ids distinct; copied
   * @param longerIsCheaper whether longer periods must cost less per month within a tier
   * @param refunds the refund rule, or {@code null} for pro rata from the first day
   * @param graceDays in [0, 60]
   * @param memoryDays in [31, 36600]
   * @throws NullPointerException if {@code plans} or a plan is null
   * @throws IllegalArgumentException if a value is out of range, an id repeats or a longer plan
   *     is not cheaper per month when {@code longerIsCheaper}
   */
  public MembershipProgram {
    Checks.checkArgument(version == FORMAT_VERSION, "version: expected %s, got %s", FORMAT_VERSION, version);
    plans = List.copyOf(Checks.requireNonNull(plans, "plans"));
    Checks.checkArgument(!plans.isEmpty(), "plans: expected at least one plan, got none");
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < plans.size(); i++) {
      Checks.checkArgument(ids.add(plans.get(i).id()), "plans[%s].id: plan id \"%s\" is used twice", i, plans.get(i).id());
    }
    if (longerIsCheaper) {
      checkLongerIsCheaper(plans);
    }
    refunds = refunds == null ? new Refunds(0, Refunds.Thereafter.PRO_RATA) : refunds;
    Checks.checkArgument(graceDays >= 0 && graceDays <= 60, "graceDays: expected 0 to 60, got %s", graceDays);
    Checks.checkArgument(memoryDays >= 31 && memoryDays <= 36_600, "memoryDays: expected 31 to 36600, got %s", memoryDays);
  }

  /** Within a tier, price_a / months_a < price_b / months_b whenever months_a > months_b, exactly. */
  private static void checkLongerIsCheaper(List<Plan> plans) {
    for (int a = 0; a < plans.size(); a++) {
      for (int b = 0; b < plans.size(); b++) {
        Plan longer = plans.get(a);
        Plan shorter = plans.get(b);
        if (longer.tier() == shorter.tier() && longer.months() > shorter.months()
            && Math.multiplyExact(longer.priceMinor(), shorter.months())
                >= Math.multiplyExact(shorter.priceMinor(), longer.months())) {
          throw new IllegalArgumentException(String.format(
              "plans[%s].priceMinor: longerIsCheaper: %s for %s is not cheaper per month than plan \"%s\" at %s for %s",
              a, longer.priceMinor(), longer.period(), shorter.id(), shorter.priceMinor(), shorter.period()));
        }
      }
    }
  }

  /**
   * Reads a program from JSON. Unknown fields are rejected.
   *
   * @param json the JSON form; {@code version}, {@code plans}, {@code longerIsCheaper}, {@code
   *     graceDays} and {@code memoryDays} are required, {@code refunds} is pro rata when absent
   * @return the program
   * @throws NullPointerException if {@code json} is null
   * @throws ConfigException naming the JSON path of the offending value, e.g. {@code
   *     plans[2].priceMinor: longerIsCheaper: 20000 for P1Y is not cheaper per month than plan
   *     "monthly" at 1500 for P1M}
   */
  public static MembershipProgram fromJson(String json) {
    try {
      return Json.read(json, MembershipProgram.class);
    } catch (ConfigException e) {
      throw ConfigPaths.refined(e);
    }
  }

  /**
   * The JSON form.
   *
   * @return compact JSON with the defaults written out, read back equal by {@link #fromJson}
   */
  public String toJson() {
    return Json.write(this);
  }

  /**
   * The policy of this program.
   *
   * @return a new policy; policies of equal programs behave identically
   */
  public MembershipPolicy policy() {
    return new MembershipPolicy(this);
  }

  /**
   * The plan with id {@code id}.
   *
   * @param id a plan id
   * @return the plan, or {@code null} if the catalog has none of that id
   */
  public Plan plan(String id) {
    for (Plan plan : plans) {
      if (plan.id().equals(id)) {
        return plan;
      }
    }
    return null;
  }

  /**
   * One plan of the catalog.
   *
   * @param id the plan's id, e.g. {@code "annual"}
   * @param period its period, an ISO-8601 period of whole months or years: {@code P1M}, {@code P3M},
   *     {@code P1Y}
   * @param priceMinor the price of one period, minor units
   * @param benefits what a member of this plan gets, as ids the host interprets (a points
   *     multiplier, free shipping, member prices)
   * @param trialPriceMinor the price of a user's very first period of any plan when bought as this
   *     plan, or {@code null} for no trial
   * @param autoRenew whether a purchase of this plan turns auto-renew on; {@code null} means false
   * @param tier the plan's rank: a change to a higher tier is an upgrade (immediate, with a credit),
   *     to an equal or lower one a downgrade (at the next renewal); {@code null} means 0
   */
  public record Plan(String id, String period, long priceMinor, List<String> benefits, Long trialPriceMinor,
      Boolean autoRenew, Integer tier) {
    /**
     * Checks the plan; messages start with the field at fault.
     *
     * @param id not blank
     * @param period {@code P}n{@code M} or {@code P}n{@code Y} (combined, e.g. {@code P1Y6M}), from
     *     1 to 120 months, no days
     * @param priceMinor {@code >= 0}
     * @param benefits benefit ids, not blank; {@code null} for none; copied
     * @param trialPriceMinor in [0, priceMinor], or {@code null}
     * @param autoRenew whether a purchase turns auto-renew on, or {@code null} for false
     * @param tier in [0, 1000], or {@code null} for 0
     * @throws IllegalArgumentException if a value is out of range
     */
    public Plan {
      Checks.checkArgument(id != null && !id.isBlank(), "id: expected a plan id, got %s", id == null ? "none" : "\"" + id + "\"");
      months(period);
      Checks.checkArgument(priceMinor >= 0, "priceMinor: expected >= 0, got %s", priceMinor);
      benefits = benefits == null ? List.of() : List.copyOf(benefits);
      for (int i = 0; i < benefits.size(); i++) {
        Checks.checkArgument(!benefits.get(i).isBlank(), "benefits[%s]: expected a benefit id, got \"%s\"", i, benefits.get(i));
      }
      Checks.checkArgument(trialPriceMinor == null || (trialPriceMinor >= 0 && trialPriceMinor <= priceMinor),
          "trialPriceMinor: expected 0 to priceMinor (%s), got %s", priceMinor, trialPriceMinor);
      autoRenew = autoRenew != null && autoRenew;
      tier = tier == null ? 0 : tier;
      Checks.checkArgument(tier >= 0 && tier <= 1000, "tier: expected 0 to 1000, got %s", tier);
    }

    /**
     * The period's length in calendar months.
     *
     * @return 1 for {@code P1M}, 3 for {@code P3M}, 12 for {@code P1Y}
     */
    public int months() {
      return months(period);
    }

    private static int months(String period) {
      Period parsed;
      try {
        parsed = Period.parse(String.valueOf(period));
      } catch (DateTimeException e) {
        parsed = null;
      }
      long months = parsed == null || parsed.getDays() != 0 ? 0 : parsed.toTotalMonths();
      Checks.checkArgument(months >= 1 && months <= 120,
          "period: expected an ISO-8601 period of 1 to 120 whole months (P1M, P3M, P1Y), got %s",
          period == null ? "none" : "\"" + period + "\"");
      return (int) months;
    }
  }

  /**
   * How much of a payment a refund gives back (DOMAIN: the refund "never below 0", exact in minor
   * units). Within {@code fullWithinDays} local days of the payment, all of it; after that, by
   * {@code thereafter}.
   *
   * @param fullWithinDays local days after the payment during which a refund is in full; 0 for
   *     none
   * @param thereafter what a later refund gives back
   */
  public record Refunds(int fullWithinDays, Thereafter thereafter) {
    /**
     * Checks the window.
     *
     * @param fullWithinDays in [0, 366]
     * @param thereafter the later rule, or {@code null} for {@link Thereafter#PRO_RATA}
     * @throws IllegalArgumentException if the window is out of range
     */
    public Refunds {
      Checks.checkArgument(fullWithinDays >= 0 && fullWithinDays <= 366,
          "fullWithinDays: expected 0 to 366, got %s", fullWithinDays);
      thereafter = thereafter == null ? Thereafter.PRO_RATA : thereafter;
    }

    /** What a refund after the full-refund window gives back. */
    public enum Thereafter {
      /** Nothing: the refund is rejected. */
      NONE,
      /**
       * The unused days: {@code floor(paid × unusedDays / periodDays)}, where a day of the period
       * that has begun counts as used (see {@link MembershipPolicy}).
       */
      PRO_RATA
    }
  }
}
