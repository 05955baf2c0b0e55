/**
 * UserOps segmentation. Who each user is: operator-defined tags, RFM scores and segments, lifecycle stages, frequency and amount buckets, value tiers.
 *
 * <p>Depends on {@code dev.userops.core} only; packages are exported as they are added.
 */
module dev.userops.segmentation {
  requires transitive dev.userops.core;
  // RE2/J has no module descriptor; its automatic name comes from the jar file name.
  requires re2j;

  exports dev.userops.segmentation.rfm;
  exports dev.userops.segmentation.dimensions;
  exports dev.userops.segmentation.condition;
  exports dev.userops.segmentation.tags;

  opens dev.userops.segmentation.rfm to com.fasterxml.jackson.databind;
  opens dev.userops.segmentation.dimensions to com.fasterxml.jackson.databind;
  opens dev.userops.segmentation.tags to com.fasterxml.jackson.databind;

  // Readers of this module's accumulator families for Accumulator.fromBytes(bytes).
  provides dev.userops.core.internal.AccumulatorFormats with dev.userops.segmentation.internal.SegmentationFormats;
}
