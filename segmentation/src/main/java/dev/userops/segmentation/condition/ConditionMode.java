package dev.userops.segmentation.condition;

/**
 * How a condition that the GrowthBook reference would silently evaluate to a fixed answer is
 * compiled: an unknown operator, a {@code $regex} that does not compile, an {@code $in} list that is
 * not an array, an unknown saved group, a {@code $type} that names no type, an operand of the wrong
 * type. Malformed structure ({@code $and} that is not an array, a condition or {@code $elemMatch}
 * operand that is not an object, nesting deeper than 32) is an error in both modes.
 */
public enum ConditionMode {
  /** Such conditions fail to compile, with a {@code ConfigException} naming the JSON path. The default. */
  STRICT,
  /**
   * Such conditions evaluate as the GrowthBook reference does (mostly to {@code false}), for
   * conditions shared with other GrowthBook SDKs that must behave identically.
   */
  GROWTHBOOK
}
