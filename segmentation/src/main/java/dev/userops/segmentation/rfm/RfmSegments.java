package dev.userops.segmentation.rfm;

import dev.userops.core.internal.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The segment of every user of a scored {@link RfmFeatures} (row {@code i} is user {@code i}), and
 * the users and revenue of each segment. Immutable.
 */
public final class RfmSegments {
  private final SegmentTable table;
  private final int[] segmentOfUser;
  private final List<SegmentSize> sizes;

  /**
   * One segment's size.
   *
   * @param name the segment, a rule's name or {@value SegmentTable#OTHERS}
   * @param users users in the segment
   * @param revenueMinor their net spend, in minor units
   */
  public record SegmentSize(String name, long users, long revenueMinor) {
    /**
     * Requires a name.
     *
     * @param name the segment's name
     * @param users users in the segment, 0 for an empty segment
     * @param revenueMinor their net spend, in minor units
     * @throws NullPointerException if {@code name} is null
     */
    public SegmentSize {
      Checks.requireNonNull(name, "name");
    }
  }

  RfmSegments(SegmentTable table, int[] segmentOfUser, long[] users, long[] revenue) {
    this.table = table;
    this.segmentOfUser = segmentOfUser;
    List<SegmentSize> sizes = new ArrayList<>();
    for (int k = 0; k < users.length; k++) {
      sizes.add(new SegmentSize(name(k), users[k], revenue[k]));
    }
    this.sizes = List.copyOf(sizes);
  }

  private String name(int segment) {
    return segment == table.rules().size() ? SegmentTable.OTHERS : table.rules().get(segment).name();
  }

  /**
   * Number of users.
   *
   * @return the row count, equal to the segmented features' size
   */
  public int size() {
    return segmentOfUser.length;
  }

  /**
   * User {@code i}'s segment.
   *
   * @param i a row, in {@code [0, size())}
   * @return the matching rule's name, or {@value SegmentTable#OTHERS}
   * @throws ArrayIndexOutOfBoundsException if {@code i} is out of range
   */
  public String segment(int i) {
    return name(segmentOfUser[i]);
  }

  /**
   * Every segment of the table in rule order, then {@value SegmentTable#OTHERS}, empty ones included.
   *
   * @return an unmodifiable list of rules' count + 1 sizes, whose users sum to {@link #size()}
   */
  public List<SegmentSize> sizes() {
    return sizes;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RfmSegments other
        && table.equals(other.table)
        && Arrays.equals(segmentOfUser, other.segmentOfUser);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(segmentOfUser);
  }

  @Override
  public String toString() {
    return "RfmSegments" + sizes;
  }
}
