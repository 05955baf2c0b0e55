package dev.userops.retention.cohort;

import dev.userops.core.Diagnostics;
import dev.userops.core.Granularity;
import dev.userops.core.internal.Checks;
import dev.userops.core.internal.Json;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A cohort retention matrix. In every list indexed by column, index 0 is column 0 (the cohort size,
 * rate 1) and index j ≥ 1 is {@link #columns()}{@code .get(j - 1)}. A {@code null} count or rate is
 * an immature cell: its last interval had not fully elapsed at the spec's {@code asOf}. It is
 * unknown, never 0, and left out of both means.
 *
 * @param granularity the period of cohorts and intervals
 * @param zone the zone of cohort start dates
 * @param columns the intervals of columns 1..n
 * @param cohorts one row per cohort period of the range, in time order (empty cohorts included)
 * @param mean the pooled mean row: per column Σ returned / Σ cohort size over mature cells
 * @param simpleMean per column the unweighted mean of the rates of mature cells of non-empty
 *     cohorts; {@code null} where there is none
 * @param diagnostics events skipped as bad records, by reason
 */
public record RetentionMatrix(
    Granularity granularity,
    ZoneId zone,
    List<Column> columns,
    List<Cohort> cohorts,
    Mean mean,
    List<Double> simpleMean,
    Diagnostics diagnostics) {

  /**
   * Copies the lists. Rows and means are not cross-checked against the columns; accumulators
   * produce consistent ones.
   *
   * @param granularity the period of cohorts and intervals
   * @param zone the zone of cohort start dates
   * @param columns the intervals of columns 1..n
   * @param cohorts one row per cohort period
   * @param mean the pooled mean row
   * @param simpleMean per column the unweighted mean rate, null where there is none
   * @param diagnostics events skipped as bad records, by reason
   * @throws NullPointerException if an argument, a column or a cohort is null
   */
  public RetentionMatrix {
    Checks.requireNonNull(granularity, "granularity");
    Checks.requireNonNull(zone, "zone");
    columns = List.copyOf(columns);
    cohorts = List.copyOf(cohorts);
    Checks.requireNonNull(mean, "mean");
    simpleMean = copyWithNulls(simpleMean);
    Checks.requireNonNull(diagnostics, "diagnostics");
  }

  /**
   * The matrix of cohort rows {@code cohorts}, with both means computed from them: per column the
   * pooled counts and eligible sizes over mature cells, and the unweighted mean of the rates of
   * mature cells of non-empty cohorts, summed in cohort order.
   */
  static RetentionMatrix of(
      Granularity granularity, ZoneId zone, List<Column> columns, List<Cohort> cohorts, Diagnostics diagnostics) {
    int width = columns.size() + 1;
    long[] pooledCounts = new long[width];
    long[] eligible = new long[width];
    double[] rateSums = new double[width];
    int[] rateCells = new int[width];
    for (Cohort cohort : cohorts) {
      for (int j = 0; j < width; j++) {
        Long count = cohort.counts().get(j);
        if (count == null) {
          continue;
        }
        pooledCounts[j] += count;
        eligible[j] += cohort.size();
        if (cohort.size() > 0) {
          rateSums[j] += (double) count / cohort.size();
          rateCells[j]++;
        }
      }
    }
    List<Long> meanCounts = new ArrayList<>();
    List<Long> meanEligible = new ArrayList<>();
    List<Double> meanRates = new ArrayList<>();
    List<Double> simpleMean = new ArrayList<>();
    for (int j = 0; j < width; j++) {
      meanCounts.add(pooledCounts[j]);
      meanEligible.add(eligible[j]);
      meanRates.add(eligible[j] == 0 ? null : (double) pooledCounts[j] / eligible[j]);
      simpleMean.add(rateCells[j] == 0 ? null : rateSums[j] / rateCells[j]);
    }
    return new RetentionMatrix(granularity, zone, columns, cohorts,
        new Mean(meanCounts, meanEligible, meanRates), simpleMean, diagnostics);
  }

  /** A cohort row whose rates are {@code counts / size}: null for an immature cell or no users. */
  static Cohort cohort(LocalDate start, long size, List<Long> counts) {
    List<Double> rates = new ArrayList<>(counts.size());
    for (Long count : counts) {
      rates.add(count == null || size == 0 ? null : (double) count / size);
    }
    return new Cohort(start, size, counts, rates);
  }

  /**
   * The matrix of this matrix's users and {@code other}'s together, when no user is in both: made
   * under one spec over disjoint sets of users (for example one per partition of users), they add
   * cohort by cohort and cell by cell, with their diagnostics, and the rates and both means are
   * computed again from the sums, exactly as one accumulator given every user's events computes
   * them. Matrices of sets that share a user cannot be added: a shared user would count twice.
   *
   * @param other a matrix of other users, made with the same spec
   * @return the matrix of both sets of users
   * @throws NullPointerException if {@code other} is null
   * @throws IllegalArgumentException if the two differ in granularity, zone, columns, cohort starts,
   *     or in which cells are mature, so were not made with the same spec
   */
  public RetentionMatrix plus(RetentionMatrix other) {
    Checks.requireNonNull(other, "other");
    Checks.checkArgument(granularity == other.granularity && zone.equals(other.zone) && columns.equals(other.columns)
        && cohorts.size() == other.cohorts.size(), "matrices of different specs: %s %s %s cohorts vs %s %s %s cohorts",
        granularity, zone, cohorts.size(), other.granularity, other.zone, other.cohorts.size());
    List<Cohort> rows = new ArrayList<>(cohorts.size());
    for (int c = 0; c < cohorts.size(); c++) {
      Cohort a = cohorts.get(c);
      Cohort b = other.cohorts.get(c);
      Checks.checkArgument(a.start().equals(b.start()) && a.counts().size() == b.counts().size(),
          "matrices of different specs: cohort %s vs %s", a.start(), b.start());
      List<Long> counts = new ArrayList<>(a.counts().size());
      for (int j = 0; j < a.counts().size(); j++) {
        Long x = a.counts().get(j);
        Long y = b.counts().get(j);
        Checks.checkArgument((x == null) == (y == null),
            "matrices of different specs: cohort %s column %s is mature in only one", a.start(), j);
        counts.add(x == null ? null : x + y);
      }
      rows.add(cohort(a.start(), a.size() + b.size(), counts));
    }
    return of(granularity, zone, columns, rows, diagnostics.plus(other.diagnostics));
  }

  /**
   * Reads a matrix as {@link #toJson()} writes it, e.g. one a host stored or a partition computed.
   *
   * @param json the matrix's JSON
   * @return the matrix, equal to the one written
   * @throws NullPointerException if {@code json} is null
   * @throws dev.userops.core.ConfigException naming the field for malformed or incomplete JSON
   */
  public static RetentionMatrix fromJson(String json) {
    return Json.read(json, RetentionMatrix.class);
  }

  static <T> List<T> copyWithNulls(List<T> list) {
    return Collections.unmodifiableList(new ArrayList<>(Checks.requireNonNull(list, "list")));
  }

  /**
   * This matrix without the empty cohorts before the first non-empty one and after the last, and
   * without the trailing columns that no cohort has completed, so that a report spans the data.
   * Empty cohorts add nothing to the pooled mean, which is therefore unchanged.
   *
   * @return the trimmed matrix; column 0 and the first column are always kept, and an all-empty
   *     matrix has no cohorts
   */
  public RetentionMatrix trimmed() {
    int first = 0;
    while (first < cohorts.size() && cohorts.get(first).size() == 0) {
      first++;
    }
    int end = cohorts.size();
    while (end > first && cohorts.get(end - 1).size() == 0) {
      end--;
    }
    List<Cohort> rows = cohorts.subList(first, end);
    int columns = 1;
    for (Cohort cohort : rows) {
      for (int j = cohort.counts().size() - 1; j > columns; j--) {
        if (cohort.counts().get(j) != null) {
          columns = j;
          break;
        }
      }
    }
    int width = columns + 1;
    List<Cohort> kept = new ArrayList<>();
    for (Cohort cohort : rows) {
      kept.add(new Cohort(
          cohort.start(), cohort.size(), cohort.counts().subList(0, width), cohort.rates().subList(0, width)));
    }
    return new RetentionMatrix(granularity, zone, this.columns.subList(0, columns), kept,
        new Mean(mean.counts().subList(0, width), mean.eligible().subList(0, width), mean.rates().subList(0, width)),
        simpleMean.subList(0, width), diagnostics);
  }

  /**
   * This matrix as JSON: granularity, zone, columns, cohorts, mean, simpleMean, diagnostics.
   *
   * @return compact JSON; immature cells are {@code null}, rates are fractions (not percentages)
   */
  public String toJson() {
    return Json.write(this);
  }

  /**
   * The triangle as text: one line per cohort with its start date, size and the percentage
   * returned per column (one decimal), immature cells blank, then the pooled mean row.
   *
   * @return the table with a header line; every line ends in {@code '\n'}
   */
  public String toText() {
    StringBuilder text = new StringBuilder();
    text.append(String.format(Locale.ROOT, "%-10s %10s", "cohort", "size"));
    for (Column column : columns) {
      text.append(String.format(Locale.ROOT, " %7s", column.label()));
    }
    text.append('\n');
    for (Cohort cohort : cohorts) {
      text.append(String.format(Locale.ROOT, "%-10s %,10d", cohort.start(), cohort.size()));
      appendRates(text, cohort.rates());
    }
    text.append(String.format(Locale.ROOT, "%-10s %10s", "mean", ""));
    appendRates(text, mean.rates());
    return text.toString();
  }

  private static void appendRates(StringBuilder text, List<Double> rates) {
    for (int j = 1; j < rates.size(); j++) {
      Double rate = rates.get(j);
      text.append(rate == null ? String.format(Locale.ROOT, " %7s", "")
          : String.format(Locale.ROOT, " %6.1f%%", 100 * rate));
    }
    int end = text.length();
    while (end > 0 && text.charAt(end - 1) == ' ') {
      end--;
    }
    text.setLength(end);
    text.append('\n');
  }

  /**
   * The intervals after the start a column covers, both inclusive.
   *
   * @param first the first interval, {@code >= 1}
   * @param last the last interval, {@code >= first}
   */
  public record Column(int first, int last) {
    /**
     * Checks {@code 1 <= first <= last}.
     *
     * @param first the first interval, inclusive
     * @param last the last interval, inclusive
     * @throws IllegalArgumentException if {@code first < 1} or {@code last < first}
     */
    public Column {
      Checks.requirePositive(first, "first");
      Checks.checkArgument(last >= first, "last must be >= first %s, got %s", first, last);
    }

    /**
     * The column's heading.
     *
     * @return {@code "3"} for one interval, {@code "4-7"} for a bracket
     */
    public String label() {
      return first == last ? Integer.toString(first) : first + "-" + last;
    }
  }

  /**
   * One cohort's row.
   *
   * @param start the first local date of the cohort period
   * @param size users in the cohort (column 0)
   * @param counts per column, users returned; {@code counts.get(0)} is {@code size}; {@code null}
   *     for an immature cell
   * @param rates per column, {@code counts / size}; {@code null} for an immature cell or an empty
   *     cohort
   */
  public record Cohort(LocalDate start, long size, List<Long> counts, List<Double> rates) {
    /**
     * Copies the lists, which may hold nulls.
     *
     * @param start the first local date of the cohort period
     * @param size users in the cohort, {@code >= 0}
     * @param counts per column, users returned, {@code null} for immature cells
     * @param rates per column, the fraction returned, {@code null} for immature cells or an empty
     *     cohort
     * @throws NullPointerException if {@code start} or a list is null
     * @throws IllegalArgumentException if {@code size < 0}
     */
    public Cohort {
      Checks.requireNonNull(start, "start");
      Checks.requireNonNegative(size, "size");
      counts = copyWithNulls(counts);
      rates = copyWithNulls(rates);
    }
  }

  /**
   * The pooled mean row.
   *
   * @param counts per column, users returned summed over mature cells
   * @param eligible per column, cohort sizes summed over the same cells
   * @param rates per column, {@code counts / eligible}; {@code null} where {@code eligible} is 0
   */
  public record Mean(List<Long> counts, List<Long> eligible, List<Double> rates) {
    /**
     * Copies the lists.
     *
     * @param counts per column, users returned over mature cells; no nulls
     * @param eligible per column, cohort sizes over mature cells; no nulls
     * @param rates per column, the pooled fraction, {@code null} where {@code eligible} is 0
     * @throws NullPointerException if a list, or an element of {@code counts} or {@code eligible},
     *     is null
     */
    public Mean {
      counts = List.copyOf(counts);
      eligible = List.copyOf(eligible);
      rates = copyWithNulls(rates);
    }
  }
}
