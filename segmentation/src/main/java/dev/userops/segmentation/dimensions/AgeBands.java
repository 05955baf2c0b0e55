package dev.userops.segmentation.dimensions;

import dev.userops.core.Checks;
import dev.userops.core.UserOpsJson;
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
  /** The default bands. */
  public static final AgeBands DEFAULT = new AgeBands(null);

  /** Applies the defaults and validates. */
  public AgeBands {
    lowerBounds = LowerBounds.check(lowerBounds == null ? List.of(0, 18, 25, 35, 45, 55, 65) : lowerBounds, "lowerBounds");
  }

  /**
   * Reads bands from their JSON form.
   *
   * @throws dev.userops.core.ConfigException naming the offending field
   */
  public static AgeBands fromJson(String json) {
    return UserOpsJson.read(json, AgeBands.class);
  }

  /** This configuration's JSON form. */
  public String toJson() {
    return UserOpsJson.write(this);
  }

  /**
   * Completed years from {@code birthDate} to {@code asOf}'s local date in {@code zone} (the user's
   * zone). Someone born on 29 February turns a year older on 1 March in common years.
   *
   * @throws IllegalArgumentException if {@code birthDate} is after {@code asOf}'s local date
   */
  public static int ageAt(LocalDate birthDate, Instant asOf, ZoneId zone) {
    LocalDate today = LocalDate.ofInstant(Checks.requireNonNull(asOf, "asOf"), Checks.requireNonNull(zone, "zone"));
    Checks.checkArgument(
        !Checks.requireNonNull(birthDate, "birthDate").isAfter(today),
        "birthDate must not be after asOf's date %s, got %s", today, birthDate);
    return (int) ChronoUnit.YEARS.between(birthDate, today);
  }

  /** The band (0-based) of {@code age >= 0} completed years. */
  public int bandOf(int age) {
    return LowerBounds.bucketOf(lowerBounds, age, "age");
  }

  /** The label of band {@code band}: "0-17", "18-24", …, "65+" by default. */
  public String label(int band) {
    return LowerBounds.label(lowerBounds, band);
  }
}
