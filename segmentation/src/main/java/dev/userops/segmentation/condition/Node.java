package dev.userops.segmentation.condition;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A compiled condition object: the logical operators {@code $and $or $nor $not} and field tests.
 * Evaluated either against a profile document ({@code slots == null}, fields walk their paths from
 * {@code root}) or against a flattened profile ({@code slots} indexed by the field's slot).
 */
abstract class Node {
  abstract boolean test(JsonNode root, JsonNode[] slots);

  static final class Constant extends Node {
    static final Constant TRUE = new Constant();

    @Override
    boolean test(JsonNode root, JsonNode[] slots) {
      return true;
    }
  }

  static final class And extends Node {
    private final Node[] children;

    And(Node[] children) {
      this.children = children;
    }

    @Override
    boolean test(JsonNode root, JsonNode[] slots) {
      for (Node child : children) {
        if (!child.test(root, slots)) {
          return false;
        }
      }
      return true;
    }
  }

  /** {@code $or}, or {@code $nor} when negated; an empty list passes either way, as in the reference. */
  static final class Or extends Node {
    private final Node[] children;
    private final boolean negated;

    Or(Node[] children, boolean negated) {
      this.children = children;
      this.negated = negated;
    }

    @Override
    boolean test(JsonNode root, JsonNode[] slots) {
      if (children.length == 0) {
        return !negated;
      }
      for (Node child : children) {
        if (child.test(root, slots)) {
          return !negated;
        }
      }
      return negated;
    }
  }

  static final class Not extends Node {
    private final Node child;

    Not(Node child) {
      this.child = child;
    }

    @Override
    boolean test(JsonNode root, JsonNode[] slots) {
      return !child.test(root, slots);
    }
  }

  /** A path and the test of its value; nested conditions (under {@code $elemMatch}) have no slot. */
  static final class Field extends Node {
    private final Path path;
    private final int slot;
    private final ValueTest test;

    Field(Path path, int slot, ValueTest test) {
      this.path = path;
      this.slot = slot;
      this.test = test;
    }

    @Override
    boolean test(JsonNode root, JsonNode[] slots) {
      return test.test(slots == null ? path.resolve(root) : slots[slot]);
    }
  }
}
