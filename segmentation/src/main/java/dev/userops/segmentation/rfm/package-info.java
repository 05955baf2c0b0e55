/**
 * RFM: per-user recency, frequency and monetary features from valid orders ({@link
 * dev.userops.segmentation.rfm.RfmSpec}, a mergeable accumulator), scores {@code 1..n} by
 * quantiles, fixed edges or the R package {@code rfm} 0.3.0 ({@link
 * dev.userops.segmentation.rfm.RfmScoring}), and named segments as data ({@link
 * dev.userops.segmentation.rfm.SegmentTable}).
 *
 * <pre>{@code
 * RfmFeatures features = orders.stream().collect(RfmSpec.of(zone, asOf).collector());
 * RfmScores scores = RfmScoring.quantiles(5).score(features);
 * RfmSegments segments = SegmentTable.rfGrid().segment(features, scores);
 * }</pre>
 */
package dev.userops.segmentation.rfm;
