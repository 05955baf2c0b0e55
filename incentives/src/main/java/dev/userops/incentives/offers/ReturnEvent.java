package dev.userops.incentives.offers;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.userops.core.internal.Checks;
import dev.userops.core.internal.Json;
import java.util.List;

/**
 * Units of a priced order coming back: a return of some lines' units, or a cancel of everything
 * not yet returned. JSON: {@code {"returnId": "r-1", "lines": [{"lineId": "a", "quantity": 1}]}} or
 * {@code {"returnId": "c-1", "cancel": true}}.
 *
 * @param returnId the host's id of this return or cancel, without {@code /}; a second event with
 *     the same id on the same order is a duplicate
 * @param lines the units returned per line; empty for a cancel
 * @param cancel whether this cancels the order: every unit not yet returned comes back
 */
public record ReturnEvent(String returnId, List<Line> lines, boolean cancel) {
  /**
   * Checks the id and the lines.
   *
   * @param returnId the id, not blank, without {@code /}
   * @param lines the units per line, line ids unique; null or empty for a cancel, at least one
   *     otherwise; copied
   * @param cancel whether every unit not yet returned comes back
   * @throws NullPointerException if {@code returnId} or a line is null
   * @throws IllegalArgumentException if the id is blank or has a {@code /}, a line id repeats, or
   *     the lines are empty for a return or not empty for a cancel
   */
  public ReturnEvent {
    Checks.requireNonBlank(returnId, "returnId");
    Checks.checkArgument(returnId.indexOf('/') < 0, "returnId: expected no \"/\", got \"%s\"", returnId);
    lines = lines == null ? List.of() : List.copyOf(lines);
    Checks.checkArgument(cancel == lines.isEmpty(), "return %s: expected %s", returnId,
        cancel ? "no lines with cancel" : "at least one line");
    Cart.requireDistinctLineIds("return", returnId, lines, Line::lineId);
  }

  @JsonCreator
  static ReturnEvent json(
      @JsonProperty(value = "returnId", required = true) String returnId,
      @JsonProperty("lines") List<Line> lines,
      @JsonProperty("cancel") Boolean cancel) {
    return new ReturnEvent(returnId, lines, cancel != null && cancel);
  }

  /**
   * A return of some units.
   *
   * @param returnId the id, not blank, without {@code /}
   * @param lines the units per line, at least one
   * @return the event
   * @throws NullPointerException if an argument or a line is null
   * @throws IllegalArgumentException as the constructor
   */
  public static ReturnEvent of(String returnId, List<Line> lines) {
    return new ReturnEvent(returnId, Checks.requireNonNull(lines, "lines"), false);
  }

  /**
   * A cancel: every unit not yet returned comes back, and the redemptions are released.
   *
   * @param returnId the id, not blank, without {@code /}
   * @return the event
   * @throws NullPointerException if {@code returnId} is null
   * @throws IllegalArgumentException if the id is blank or has a {@code /}
   */
  public static ReturnEvent cancel(String returnId) {
    return new ReturnEvent(returnId, List.of(), true);
  }

  /**
   * Reads an event from JSON.
   *
   * @param json the JSON form, as the type comment shows
   * @return the event
   * @throws NullPointerException if {@code json} is null
   * @throws dev.userops.core.ConfigException with the JSON path of the offending value
   */
  public static ReturnEvent fromJson(String json) {
    return Json.read(json, ReturnEvent.class);
  }

  /**
   * Units of one line coming back.
   *
   * @param lineId the priced line
   * @param quantity units returned now
   */
  public record Line(String lineId, int quantity) {
    /**
     * Checks the values.
     *
     * @param lineId the line id, not blank
     * @param quantity units, {@code >= 1}
     * @throws NullPointerException if {@code lineId} is null
     * @throws IllegalArgumentException if a value is out of range
     */
    public Line {
      Checks.requireNonBlank(lineId, "lineId");
      Checks.requirePositive(quantity, "quantity of returned line " + lineId);
    }
  }
}
