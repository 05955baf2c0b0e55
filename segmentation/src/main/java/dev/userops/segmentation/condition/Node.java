package dev.userops.segmentation.condition;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A compiled condition object: the logical operators {@code $and $or $nor $not} and field tests.
 * Evaluated either against a profile document ({@code slots == null}, fields walk their paths from
 * {@code root}) or against a flattened profile ({@code slots} indexed by the field's slot).
 */
@FunctionalInterface
interface Node {
  boolean test(JsonNode root, JsonNode[] slots);

  Node TRUE = (root, slots) -> true;

  static Node and(Node[] children) {
    return (root, slots) -> {
      for (Node child : children) {
        if (!child.test(root, slots)) {
          return false;
        }
      }
      return true;
    };
  }

  /** {@code $or}, or {@code $nor} when negated; an empty list passes either way, as in the reference. */
  static Node or(Node[] children, boolean negated) {
    return (root, slots) -> {
      if (children.length == 0) {
        return !negated;
      }
      for (Node child : children) {
        if (child.test(root, slots)) {
          return !negated;
        }
      }
      return negated;
    };
  }

  static Node not(Node child) {
    return (root, slots) -> !child.test(root, slots);
  }

  /** A path and the test of its value; nested conditions (under {@code $elemMatch}) have no slot. */
  static Node field(Path path, int slot, ValueTest test) {
    return (root, slots) -> test.test(slots == null ? path.resolve(root) : slots[slot]);
  }
}
