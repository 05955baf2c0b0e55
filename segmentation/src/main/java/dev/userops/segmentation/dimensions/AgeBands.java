package dev.userops.segmentation.dimensions;

import dev.userops.core.internal.Checks;
import dev.userops.core.internal.Json;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Age bands by completed years. Default bands {@code 0-17 / 18-24 / 25-34 / 35-44 / 45-54 / 55-64 /
 * 65+}. JSON form: {@code {"lowerBounds":[0,18,25,35,45,55,65]}}.
 *
 * @param lowerBounds ascending lower bounds in years, starting at 0; {@code null} in JSON means the
 *     defaults
 */
public record AgeBands(List<Integer> lowerBounds) {
  /** Format version of the JSON form, written as its {@code version} field (absent: 1). */
  private static final int JSON_VERSION = 1;

  /** The default bands. */
  public static final AgeBands DEFAULT = new AgeBands(null);

  /**
   * Applies the defaults and validates.
   *
   * @param lowerBounds strictly ascending lower bounds in years, the first 0; {@code null} for the
   *     defaults; copied
   * @throws NullPointerException if an element is null
   * @throws IllegalArgumentException if the list is empty, does not start at 0 or is not strictly
   *     ascending
   */
  public AgeBands {
    lowerBounds = LowerBounds.check(lowerBounds == null ? List.of(0, 18, 25, 35, 45, 55, 65) : lowerBounds, "lowerBounds");
  }

  /**
   * Reads bands from their JSON form.
   *
   * @param json the JSON form; {@code {}} gives the defaults
   * @return the bands
   * @throws NullPointerException if {@code json} is null
   * @throws dev.userops.core.ConfigException naming the offending field
   */
  public static AgeBands fromJson(String json) {
    return Json.readVersioned(json, AgeBands.class, JSON_VERSION);
  }

  /**
   * This configuration's JSON form.
   *
   * @return compact JSON with the bounds written out, defaults included
   */
  public String toJson() {
    return Json.writeVersioned(this, JSON_VERSION);
  }

  /**
   * Completed years from {@code birthDate} to {@code asOf}'s local date in {@code zone} (the user's
   * zone). Someone born on 29 February turns a year older on 1 March in common years.
   *
   * @param birthDate the user's date of birth
   * @param asOf the evaluation instant
   * @param zone the user's zone, which decides {@code asOf}'s local date
   * @return completed years, {@code >= 0}; 0 on the day of birth
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code birthDate} is after {@code asOf}'s local date
   */
  public static int ageAt(LocalDate birthDate, Instant asOf, ZoneId zone) {
    LocalDate today = LocalDate.ofInstant(Checks.requireNonNull(asOf, "asOf"), Checks.requireNonNull(zone, "zone"));
    Checks.checkArgument(
        !Checks.requireNonNull(birthDate, "birthDate").isAfter(today),
        "birthDate must not be after asOf's date %s, got %s", today, birthDate);
    return (int) ChronoUnit.YEARS.between(birthDate, today);
  }

  /**
   * The band of an age.
   *
   * @param age completed years, {@code >= 0}, e.g. from {@link #ageAt}
   * @return the 0-based band: the last one whose lower bound is at most {@code age}
   * @throws IllegalArgumentException if {@code age < 0}
   */
  public int bandOf(int age) {
    return LowerBounds.bucketOf(lowerBounds, age, "age");
  }

  /**
   * The label of a band.
   *
   * @param band a 0-based band, in {@code [0, lowerBounds().size())}
   * @return "0-17", "18-24", …, "65+" by default; a one-year band is labelled by its year alone
   * @throws IllegalArgumentException if {@code band} is out of range
   */
  public String label(int band) {
    return LowerBounds.label(lowerBounds, band);
  }
}
