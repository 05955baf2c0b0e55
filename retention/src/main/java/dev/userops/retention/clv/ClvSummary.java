package dev.userops.retention.clv;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.userops.core.Diagnostics;
import dev.userops.core.internal.Checks;
import dev.userops.core.internal.Json;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Per-customer calibration and holdout figures, the input of the customer-value models (issue 13
 * §2), in ascending user id order: customer {@code i} of {@code 0 .. customers() - 1}. Immutable.
 *
 * <p>A purchase is a local day (in the spec's zone) with at least one valid order; orders on one
 * day are one purchase, their amounts summed. A <em>customer</em> is a user whose first purchase
 * is on or before the calibration end; users whose first purchase comes after it are not customers
 * here (they have no calibration period) and are counted in {@link #buyersAfterCalibration()}. Days
 * are calendar days, so a day across a DST change counts as one and a leap day as one; times are in
 * units of {@link #unitDays()} days, fractional ({@code days / unitDays}).
 */
public final class ClvSummary {
  private final ZoneId zone;
  private final LocalDate calibrationEnd;
  private final LocalDate holdoutEnd;
  private final int unitDays;
  private final int[] userIds;
  private final int[] x;
  private final int[] txDays;
  private final int[] ageDays;
  private final long[] repeatSpendMinor;
  private final int[] holdoutPurchases;
  private final int originDay;
  private final long[] repeatPurchasesPerPeriod;
  private final long buyersAfterCalibration;
  private final long orders;
  private final long ordersAfterEnd;
  private final Diagnostics diagnostics;

  /** The per-customer columns, filled row by row by the accumulator. */
  static final class Columns {
    final int[] userIds;
    final int[] x;
    final int[] txDays;
    final int[] ageDays;
    final long[] repeatSpendMinor;
    final int[] holdoutPurchases;
    final int originDay;
    final long[] repeatPurchasesPerPeriod;

    Columns(int customers, int originDay, long[] repeatPurchasesPerPeriod) {
      this.originDay = originDay;
      this.repeatPurchasesPerPeriod = repeatPurchasesPerPeriod;
      userIds = new int[customers];
      x = new int[customers];
      txDays = new int[customers];
      ageDays = new int[customers];
      repeatSpendMinor = new long[customers];
      holdoutPurchases = new int[customers];
    }

    void set(int i, int userId, int x, int txDays, int ageDays, long repeatSpend, int holdout) {
      this.userIds[i] = userId;
      this.x[i] = x;
      this.txDays[i] = txDays;
      this.ageDays[i] = ageDays;
      this.repeatSpendMinor[i] = repeatSpend;
      this.holdoutPurchases[i] = holdout;
    }
  }

  ClvSummary(
      ClvSummarySpec spec,
      Columns columns,
      long buyersAfterCalibration,
      long orders,
      long ordersAfterEnd,
      Diagnostics diagnostics) {
    this.zone = spec.zone();
    this.calibrationEnd = spec.calibrationEnd();
    this.holdoutEnd = spec.holdoutEnd();
    this.unitDays = spec.unitDays();
    this.userIds = columns.userIds;
    this.x = columns.x;
    this.txDays = columns.txDays;
    this.ageDays = columns.ageDays;
    this.repeatSpendMinor = columns.repeatSpendMinor;
    this.holdoutPurchases = columns.holdoutPurchases;
    this.originDay = columns.originDay;
    this.repeatPurchasesPerPeriod = columns.repeatPurchasesPerPeriod;
    this.buyersAfterCalibration = buyersAfterCalibration;
    this.orders = orders;
    this.ordersAfterEnd = ordersAfterEnd;
    this.diagnostics = Checks.requireNonNull(diagnostics, "diagnostics");
  }

  /**
   * The zone of the local days.
   *
   * @return the spec's zone
   */
  public ZoneId zone() {
    return zone;
  }

  /**
   * The last day of the calibration period.
   *
   * @return the spec's calibration end, inclusive
   */
  public LocalDate calibrationEnd() {
    return calibrationEnd;
  }

  /**
   * The last day of the holdout period, which starts the day after {@link #calibrationEnd()}.
   *
   * @return the spec's holdout end, inclusive; {@code null} without a holdout
   */
  public LocalDate holdoutEnd() {
    return holdoutEnd;
  }

  /**
   * Days per time unit of {@link #tx}, {@link #T} and {@link #holdoutLength()}.
   *
   * @return the spec's unit, 7 for weeks
   */
  public int unitDays() {
    return unitDays;
  }

  /**
   * The holdout period's length: the {@code t} of the expected repeat purchases it is compared
   * with.
   *
   * @return days from the calibration end to the holdout end (the holdout's day count) over {@link
   *     #unitDays()}, e.g. 39.0 weeks for 1997-09-30 to 1998-06-30; 0 without a holdout
   */
  public double holdoutLength() {
    return holdoutEnd == null
        ? 0
        : (double) (holdoutEnd.toEpochDay() - calibrationEnd.toEpochDay()) / unitDays;
  }

  /**
   * Number of customers: users with a purchase on or before the calibration end.
   *
   * @return the row count; 0 if there are none
   */
  public int customers() {
    return userIds.length;
  }

  /**
   * The user id of customer {@code i}.
   *
   * @param i a row, in {@code [0, customers())}
   * @return the user's dense index, ascending with {@code i}
   * @throws ArrayIndexOutOfBoundsException if {@code i} is out of range
   */
  public long userId(int i) {
    return userIds[i];
  }

  /**
   * The row of a user.
   *
   * @param userId a user id
   * @return the row {@code i} with {@code userId(i) == userId}, or -1 if the user is no customer
   */
  public int indexOf(long userId) {
    if (userId < 0 || userId > Integer.MAX_VALUE) {
      return -1;
    }
    int i = Arrays.binarySearch(userIds, (int) userId);
    return i >= 0 ? i : -1;
  }

  /**
   * Customer {@code i}'s repeat purchases {@code x}: purchase days after their first, up to the
   * calibration end.
   *
   * @param i a row, in {@code [0, customers())}
   * @return {@code x >= 0}; 0 for a customer who bought on one day only
   * @throws ArrayIndexOutOfBoundsException if {@code i} is out of range
   */
  public int x(int i) {
    return x[i];
  }

  /**
   * Customer {@code i}'s recency {@code t_x}: from their first purchase day to their last one up to
   * the calibration end.
   *
   * @param i a row, in {@code [0, customers())}
   * @return days over {@link #unitDays()}, in {@code [0, T(i)]}; 0 when {@code x(i) == 0}
   * @throws ArrayIndexOutOfBoundsException if {@code i} is out of range
   */
  public double tx(int i) {
    return (double) txDays[i] / unitDays;
  }

  /**
   * Customer {@code i}'s age {@code T}: from their first purchase day to the calibration end day.
   *
   * @param i a row, in {@code [0, customers())}
   * @return days over {@link #unitDays()}, {@code >= 0}; 0 for a first purchase on the calibration
   *     end day
   * @throws ArrayIndexOutOfBoundsException if {@code i} is out of range
   */
  public double T(int i) {
    return (double) ageDays[i] / unitDays;
  }

  /**
   * Customer {@code i}'s spend on repeat purchase days: the calibration days after the first, whose
   * spend is left out.
   *
   * @param i a row, in {@code [0, customers())}
   * @return minor units, {@code >= 0}; 0 when {@code x(i) == 0}
   * @throws ArrayIndexOutOfBoundsException if {@code i} is out of range
   */
  public long repeatSpendMinor(int i) {
    return repeatSpendMinor[i];
  }

  /**
   * Customer {@code i}'s mean spend per repeat purchase day, {@code zbar} of the spend model.
   *
   * @param i a row, in {@code [0, customers())}
   * @return {@code repeatSpendMinor(i) / x(i)} in minor units, a double (not rounded); 0 when
   *     {@code x(i) == 0}
   * @throws ArrayIndexOutOfBoundsException if {@code i} is out of range
   */
  public double zbarMinor(int i) {
    return x[i] == 0 ? 0 : (double) repeatSpendMinor[i] / x[i];
  }

  /**
   * Customer {@code i}'s purchase days in the holdout period: after the calibration end, up to the
   * holdout end (both days' ends inclusive). All of them are repeat purchases.
   *
   * @param i a row, in {@code [0, customers())}
   * @return days, {@code >= 0}; 0 without a holdout
   * @throws ArrayIndexOutOfBoundsException if {@code i} is out of range
   */
  public int holdoutPurchases(int i) {
    return holdoutPurchases[i];
  }

  /**
   * All customers' repeat purchases in the calibration period.
   *
   * @return the sum of {@link #x} over customers
   */
  public long totalRepeatPurchases() {
    long sum = 0;
    for (int value : x) {
      sum += value;
    }
    return sum;
  }

  /**
   * All customers' purchase days in the holdout period, the actual figure the models' predictions
   * are compared with.
   *
   * @return the sum of {@link #holdoutPurchases(int)} over customers
   */
  public long totalHoldoutPurchases() {
    long sum = 0;
    for (int value : holdoutPurchases) {
      sum += value;
    }
    return sum;
  }

  /**
   * Users whose first purchase comes after the calibration end (in the holdout or later): not
   * customers of this summary, since they have no calibration period.
   *
   * @return distinct users, {@code >= 0}
   */
  public long buyersAfterCalibration() {
    return buyersAfterCalibration;
  }

  /**
   * Valid orders counted, including those after the last day summarized.
   *
   * @return orders, {@code >= ordersAfterEnd()}
   */
  public long orders() {
    return orders;
  }

  /**
   * Valid orders after the last day summarized (the holdout end, or the calibration end without a
   * holdout): they make their users known (a user who only bought then counts in {@link
   * #buyersAfterCalibration()}) but are not summarized.
   *
   * @return orders, {@code >= 0}
   */
  public long ordersAfterEnd() {
    return ordersAfterEnd;
  }

  /**
   * Time 0 of {@link #firstPurchase} and {@link #repeatPurchasesPerPeriod()}: the earliest
   * customer's first purchase day.
   *
   * @return a local day; the calibration end when there are no customers
   */
  public LocalDate origin() {
    return LocalDate.ofEpochDay(originDay);
  }

  /**
   * Customer {@code i}'s first purchase, from {@link #origin()}: where the customer enters the
   * population's tracking curve.
   *
   * @param i a row, in {@code [0, customers())}
   * @return days over {@link #unitDays()}, {@code >= 0}
   * @throws ArrayIndexOutOfBoundsException if {@code i} is out of range
   */
  public double firstPurchase(int i) {
    return (double) (calibrationEnd.toEpochDay() - ageDays[i] - originDay) / unitDays;
  }

  /**
   * Repeat purchase days of all customers (calibration and holdout, first days excluded) per
   * period of {@link #unitDays()} days from {@link #origin()}: the actual side of the weekly
   * tracking chart. Only complete periods up to the last day summarized (the holdout end, or the
   * calibration end) are counted, so its length is {@code (last day - origin + 1) / unitDays},
   * rounded down.
   *
   * @return a new array, one count per period; empty without customers
   */
  public long[] repeatPurchasesPerPeriod() {
    return repeatPurchasesPerPeriod.clone();
  }

  /**
   * Records skipped, by reason.
   *
   * @return the accumulator's diagnostics
   */
  public Diagnostics diagnostics() {
    return diagnostics;
  }

  /**
   * This summary as JSON: {@code {"zone":"UTC","calibrationEnd":"1997-09-30","holdoutEnd":null,
   * "unitDays":7,"holdoutLength":0.0,"customers":1,"totalRepeatPurchases":2,
   * "totalHoldoutPurchases":0,"buyersAfterCalibration":0,"orders":4,"ordersAfterEnd":1,
   * "users":[{"userId":0,"x":2,"tx":30.428571428571427,"T":38.857142857142854,
   * "repeatSpendMinor":4469,"zbarMinor":2234.5,"holdoutPurchases":0}],
   * "diagnostics":{"skipped":{}}}}; {@code tx} and {@code T} in units, unrounded.
   *
   * @return compact JSON, one entry of {@code users} per customer in row order
   */
  public String toJson() {
    List<User> rows = new ArrayList<>(customers());
    for (int i = 0; i < customers(); i++) {
      rows.add(
          new User(
              userId(i),
              x(i),
              tx(i),
              T(i),
              repeatSpendMinor(i),
              zbarMinor(i),
              holdoutPurchases(i)));
    }
    return Json.write(
        new Document(
            zone,
            calibrationEnd,
            holdoutEnd,
            unitDays,
            holdoutLength(),
            customers(),
            totalRepeatPurchases(),
            totalHoldoutPurchases(),
            buyersAfterCalibration,
            orders,
            ordersAfterEnd,
            rows,
            diagnostics));
  }

  private record Document(
      ZoneId zone,
      LocalDate calibrationEnd,
      LocalDate holdoutEnd,
      int unitDays,
      double holdoutLength,
      int customers,
      long totalRepeatPurchases,
      long totalHoldoutPurchases,
      long buyersAfterCalibration,
      long orders,
      long ordersAfterEnd,
      List<User> users,
      Diagnostics diagnostics) {}

  private record User(
      long userId,
      int x,
      double tx,
      @JsonProperty("T") double age,
      long repeatSpendMinor,
      double zbarMinor,
      int holdoutPurchases) {}

  @Override
  public boolean equals(Object o) {
    return o instanceof ClvSummary other
        && zone.equals(other.zone)
        && calibrationEnd.equals(other.calibrationEnd)
        && Objects.equals(holdoutEnd, other.holdoutEnd)
        && unitDays == other.unitDays
        && Arrays.equals(userIds, other.userIds)
        && Arrays.equals(x, other.x)
        && Arrays.equals(txDays, other.txDays)
        && Arrays.equals(ageDays, other.ageDays)
        && Arrays.equals(repeatSpendMinor, other.repeatSpendMinor)
        && Arrays.equals(holdoutPurchases, other.holdoutPurchases)
        && originDay == other.originDay
        && Arrays.equals(repeatPurchasesPerPeriod, other.repeatPurchasesPerPeriod)
        && buyersAfterCalibration == other.buyersAfterCalibration
        && orders == other.orders
        && ordersAfterEnd == other.ordersAfterEnd
        && diagnostics.equals(other.diagnostics);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        calibrationEnd,
        Arrays.hashCode(userIds),
        Arrays.hashCode(x),
        Arrays.hashCode(ageDays),
        orders);
  }

  @Override
  public String toString() {
    StringBuilder s =
        new StringBuilder("ClvSummary[calibrationEnd=").append(calibrationEnd)
            .append(", holdoutEnd=").append(holdoutEnd)
            .append(", unitDays=").append(unitDays)
            .append(", customers=").append(customers());
    for (int i = 0; i < Math.min(customers(), 5); i++) {
      s.append(", ").append(userIds[i]).append(":(x=").append(x[i])
          .append(", txDays=").append(txDays[i]).append(", TDays=").append(ageDays[i])
          .append(", repeatSpendMinor=").append(repeatSpendMinor[i])
          .append(", holdout=").append(holdoutPurchases[i]).append(')');
    }
    return s.append(customers() > 5 ? ", ...]" : "]")
        .append(" buyersAfterCalibration=").append(buyersAfterCalibration)
        .append(" orders=").append(orders)
        .append(" ordersAfterEnd=").append(ordersAfterEnd)
        .append(" diagnostics=").append(diagnostics).toString();
  }
}
