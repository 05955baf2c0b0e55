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
