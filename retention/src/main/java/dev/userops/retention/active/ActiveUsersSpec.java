package dev.userops.retention.active;

import dev.userops.core.AccumulatorSpec;
import dev.userops.core.BadRecordPolicy;
import dev.userops.core.event.Activity;
import dev.userops.core.internal.Accumulators;
import dev.userops.core.internal.Checks;
import dev.userops.core.internal.Json;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.stream.Collector;

/**
 * Defines daily active-user counts over local days {@code from..to} (both inclusive) in {@code
 * zone}. JSON form: {@code {"zone":"UTC","from":"2026-01-01","to":"2026-01-31","weekStart":"MONDAY",
 * "badRecords":"REJECT"}}.
 *
 * @param zone days are local to this zone
 * @param from the first reported day
 * @param to the last reported day, not before {@code from}, at most {@value #MAX_DAYS} days after
 * @param weekStart the first day of a calendar week; {@code null} means MONDAY
 * @param badRecords what to do with events before 1970; {@code null} means REJECT
 */
public record ActiveUsersSpec(
    ZoneId zone, LocalDate from, LocalDate to, DayOfWeek weekStart, BadRecordPolicy badRecords)
    implements AccumulatorSpec<ActiveUsersAccumulator, ActiveUsers> {
  /** Format version of the JSON form, written as its {@code version} field. */
  private static final int JSON_VERSION = 1;

  /** Most days reported by one spec: ten years. */
  public static final int MAX_DAYS = 3653;

  /**
   * Applies the defaults and checks the range.
   *
   * @param zone days are local to this zone
   * @param from the first reported day
   * @param to the last reported day, inclusive
   * @param weekStart the first day of a calendar week, or {@code null} for Monday
   * @param badRecords what to do with events before 1970, or {@code null} for REJECT
   * @throws NullPointerException if {@code zone}, {@code from} or {@code to} is null
   * @throws IllegalArgumentException if {@code to} is before {@code from} or the range spans more
   *     than {@value #MAX_DAYS} days
   */
  public ActiveUsersSpec {
    Checks.requireNonNull(zone, "zone");
    Checks.requireNonNull(from, "from");
    Checks.requireNonNull(to, "to");
    Checks.checkArgument(!to.isBefore(from), "to must not be before from, got from %s, to %s", from, to);
    long days = ChronoUnit.DAYS.between(from, to) + 1;
    Checks.checkArgument(days <= MAX_DAYS, "from..to must span at most %s days, got %s", MAX_DAYS, days);
    weekStart = weekStart == null ? DayOfWeek.MONDAY : weekStart;
    badRecords = badRecords == null ? BadRecordPolicy.REJECT : badRecords;
  }

  /**
   * Days {@code from..to} in {@code zone}, weeks from Monday, bad records rejected.
   *
   * @param zone days are local to this zone
   * @param from the first reported day
   * @param to the last reported day, inclusive; {@code from} itself for one day
   * @return the spec
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the range is reversed or longer than {@value #MAX_DAYS}
   *     days
   */
  public static ActiveUsersSpec of(ZoneId zone, LocalDate from, LocalDate to) {
    return new ActiveUsersSpec(zone, from, to, DayOfWeek.MONDAY, BadRecordPolicy.REJECT);
  }

  /**
   * Reads a spec from its JSON form.
   *
   * @param json the JSON form; {@code zone}, {@code from} and {@code to} are required
   * @return the spec
   * @throws NullPointerException if {@code json} is null
   * @throws dev.userops.core.ConfigException naming the offending field
   */
  public static ActiveUsersSpec fromJson(String json) {
    return Json.readVersioned(json, ActiveUsersSpec.class, JSON_VERSION);
  }

  /**
   * This spec's JSON form.
   *
   * @return compact JSON with the defaults written out, read back by {@link #fromJson}
   */
  public String toJson() {
    return Json.writeVersioned(this, JSON_VERSION);
  }

  /**
   * A collector counting a stream of activities; parallel streams merge partial accumulators.
   *
   * @return a collector counting activities of every type
   */
  public Collector<Activity, ActiveUsersAccumulator, ActiveUsers> collector() {
    return Accumulators.collector(this, ActiveUsersAccumulator::add);
  }

  @Override
  public ActiveUsersAccumulator newAccumulator() {
    return new ActiveUsersAccumulator(this);
  }

  @Override
  public ActiveUsersAccumulator accumulatorFromBytes(byte[] bytes) {
    return ActiveUsersAccumulator.FORM.read(bytes, this);
  }
}
